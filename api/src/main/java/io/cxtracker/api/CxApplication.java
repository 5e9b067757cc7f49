package io.cxtracker.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API under {@code /api}. Its OpenAPI title, version and description are set in microprofile-config.properties
 * (mp.openapi.extensions.smallrye.info.*) rather than with {@code @OpenAPIDefinition}, whose unset defaults put an
 * invalid empty license, contact and external docs into the document.
 */
@ApplicationPath("/api")
public class CxApplication extends Application {
}
