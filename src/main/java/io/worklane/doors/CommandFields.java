package io.worklane.doors;

import java.lang.reflect.Field;

/**
 * Reads what a Camunda command carries (its task, its variables) from the command's own fields, which the engine
 * keeps protected. {@code CommandFieldsTests} checks every field read here exists, so an engine upgrade that
 * renames one fails the build instead of opening a door.
 */
final class CommandFields {

    private CommandFields() {
    }

    @SuppressWarnings("unchecked")
    static <T> T read(Object command, String name) {
        Field field = find(command.getClass(), name);
        try {
            field.setAccessible(true);
            return (T) field.get(command);
        }
        catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getSimpleName(), e);
        }
    }

    static Field find(Class<?> type, String name) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            try {
                return current.getDeclaredField(name);
            }
            catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(type.getName() + " has no field " + name);
    }
}
