package io.cxtracker.domain.shared;

/**
 * Text that PostgreSQL can store exactly as it was sent. Two things in a Java string cannot be: a NUL character
 * (PostgreSQL text refuses it) and a lone UTF-16 surrogate such as U+D800 (half of a character outside the
 * Basic Multilingual Plane without its other half). The driver encodes the second as {@code ?} without a word, so
 * an idempotency key {@code "\ud800"} would be stored as {@code "?"} while the client was told something else, and
 * the next lone surrogate would collide with it. Every adapter that reads text from a client (JSON binding, CSV
 * reading) asks here before anything is stored.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored as sent (a message for a field violation), or null when it can. */
    public static String defect(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds a lone UTF-16 surrogate \\u" + Integer.toHexString(c) + " at character " + (i + 1)
                        + ", which is not a character and cannot be stored; send valid Unicode text";
            }
        }
        return null;
    }
}
