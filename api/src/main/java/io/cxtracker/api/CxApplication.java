package io.cxtracker.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(
        title = "CX Tracker API",
        version = "1",
        description = "The customer-experience transformation program: plan, metrics, targets, milestones, accountability. "
                + "Errors are RFC 9457 application/problem+json."))
public class CxApplication extends Application {
}
