package io.cxtracker.domain.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The id of the request being served, so that every audit record of one request carries the same id
 * and the log lines, the response header and the audit trail can be matched up. The API sets it from
 * the caller's {@code X-Request-Id} when that is a sensible token; otherwise one is made up on first use.
 */
@RequestScoped
public class RequestCorrelation {
    private String id;

    /** Uses the caller's id when it is a sensible token (see {@link AuditEntry#REQUEST_ID_REGEX}), else makes one. */
    public String adopt(String candidate) {
        id = AuditEntry.isRequestId(candidate) ? candidate : newId();
        return id;
    }

    /** The request's id, made up on first use when nobody set one. */
    public String id() {
        if (id == null) {
            id = newId();
        }
        return id;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
