package io.cxtracker.api.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Hands every Jackson provider the API's one mapper ({@link JsonProvider#MAPPER}). The Jackson JAX-RS jar in
 * the WAR also registers a plain {@code JacksonJsonProvider} through {@code META-INF/services}, and RESTEasy
 * may pick that one to write a response; without this resolver it would use a default mapper that knows no
 * {@code java.time} types and cut every response with a date or an instant short after the field's name.
 */
@Provider
public class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return JsonProvider.MAPPER;
    }
}
