package io.cxtracker.domain.testing;

import java.lang.reflect.Field;

/** What the database does to entities in production (ids, versions), done by hand for in-memory tests. */
public final class Entities {
    private Entities() {
    }

    public static void assignId(Object entity, long id) {
        set(entity, "id", id);
    }

    public static void bumpVersion(Object entity) {
        try {
            Field field = field(entity.getClass(), "version");
            field.setLong(entity, field.getLong(entity) + 1);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Object entity, String name, Object value) {
        try {
            field(entity.getClass(), name).set(entity, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
