package io.cxtracker.domain.shared;

/** The thing to create is already there (a natural key is taken); nothing was written. */
public class AlreadyExistsException extends RuntimeException {
    private final String entity;
    private final String key;

    public AlreadyExistsException(String entity, String key) {
        super(entity + " '" + key + "' already exists");
        this.entity = entity;
        this.key = key;
    }

    public String entity() {
        return entity;
    }

    public String key() {
        return key;
    }
}
