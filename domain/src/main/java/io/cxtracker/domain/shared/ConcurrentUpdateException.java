package io.cxtracker.domain.shared;

/**
 * Someone else changed the thing since the caller read it: the caller's version is stale, and writing
 * would silently lose the other update. Nothing was written; re-read and try again.
 */
public class ConcurrentUpdateException extends RuntimeException {
    private final String entity;
    private final String key;
    private final long expectedVersion;
    private final long actualVersion;

    public ConcurrentUpdateException(String entity, String key, long expectedVersion, long actualVersion) {
        super(entity + " '" + key + "' is at version " + actualVersion + ", not " + expectedVersion
                + ": it was changed by someone else");
        this.entity = entity;
        this.key = key;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** The stale version was only noticed while writing (a concurrent transaction won the race). */
    public ConcurrentUpdateException(String entity, String key, Throwable cause) {
        super(entity + " '" + key + "' was changed by someone else while this change was written", cause);
        this.entity = entity;
        this.key = key;
        this.expectedVersion = -1;
        this.actualVersion = -1;
    }

    public String entity() {
        return entity;
    }

    public String key() {
        return key;
    }

    /** The version the caller had, or −1 when the conflict was found on write. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version stored now, or −1 when the conflict was found on write. */
    public long actualVersion() {
        return actualVersion;
    }

    /** Refuses the change unless the caller saw the current version. */
    public static void requireVersion(String entity, Object key, long expectedVersion, long actualVersion) {
        if (expectedVersion != actualVersion) {
            throw new ConcurrentUpdateException(entity, String.valueOf(key), expectedVersion, actualVersion);
        }
    }
}
