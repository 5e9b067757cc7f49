package io.cxtracker.api.shared;

import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a request whose query parameters or path segments hold a NUL character ({@code %00}): no code, slug,
 * date or search text contains one, and PostgreSQL cannot even compare text with one (it would fail the query).
 * A 400 problem naming the parameters, before any resource runs. (JSON bodies are checked by {@link RecordBinder}.)
 */
@Provider
@PreMatching
public class NulCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<FieldViolation> violations = new ArrayList<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            if (name.indexOf('\u0000') >= 0 || values.stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                violations.add(new FieldViolation(name.replace('\u0000', '?'), "must not contain NUL characters"));
            }
        });
        for (PathSegment segment : request.getUriInfo().getPathSegments()) {
            if (segment.getPath().indexOf('\u0000') >= 0) {
                violations.add(new FieldViolation("path", "must not contain NUL characters"));
                break;
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
