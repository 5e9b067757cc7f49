package io.cxtracker.domain.shared;

/** A referenced thing does not exist. */
public class NotFoundException extends RuntimeException {
    private final String entity;
    private final String key;

    public NotFoundException(String entity, String key) {
        super(entity + " '" + key + "' does not exist");
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
