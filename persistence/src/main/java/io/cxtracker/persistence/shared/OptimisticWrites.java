package io.cxtracker.persistence.shared;

import io.cxtracker.domain.shared.ConcurrentUpdateException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

/**
 * Writes the changes of a versioned aggregate now, inside the caller's transaction, and names the
 * conflict in the domain's words when another transaction changed the aggregate after it was loaded
 * (a stale version, or a unique key such as the next check-in number taken concurrently).
 */
public final class OptimisticWrites {
    private OptimisticWrites() {
    }

    public static void flush(EntityManager em, String entity, Object key) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentUpdateException(entity, String.valueOf(key), e);
        } catch (PersistenceException e) {
            if (ConstraintViolations.isUniqueViolation(e)) {
                throw new ConcurrentUpdateException(entity, String.valueOf(key), e);
            }
            throw e;
        }
    }
}
