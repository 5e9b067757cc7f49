package io.cxtracker.api.shared;

import jakarta.ws.rs.core.EntityTag;

/**
 * Entity tags from versions, and the version a write's {@code If-Match} names. A versioned resource
 * (program, initiative, milestone, target) answers with {@code ETag: "<version>"}; a write must send it
 * back in {@code If-Match}:
 * <ul>
 *   <li>missing, or {@code *} (which would overwrite changes the caller has not seen) → 428;</li>
 *   <li>a tag that is not the current one, weak tags included (If-Match compares strongly) → 412,
 *       decided by the use-case service after its existence and authority checks.</li>
 * </ul>
 */
public final class ETags {
    /** A version no resource ever has: a tag that cannot match. */
    public static final long NO_MATCH = -1;

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version named by an If-Match header.
     *
     * @throws PreconditionRequiredException when the header is missing, blank or {@code *}
     * @return the version, or {@link #NO_MATCH} for a tag that names none (weak, malformed, several)
     */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException(
                    "This write needs an If-Match header with the ETag of the version you read (GET it first)");
        }
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            throw new PreconditionRequiredException(
                    "If-Match: * would overwrite changes you have not seen; send the ETag of the version you read");
        }
        if (tag.length() >= 3 && tag.startsWith("\"") && tag.endsWith("\"")) {
            String digits = tag.substring(1, tag.length() - 1);
            if (!digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(digits);
            }
        }
        return NO_MATCH;
    }
}
