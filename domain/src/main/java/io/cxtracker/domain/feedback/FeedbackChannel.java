package io.cxtracker.domain.feedback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a piece of the customer's voice came from. */
public enum FeedbackChannel {
    /** The comment of a survey answer. */
    SURVEY,
    /** A review on a business or customer review site. */
    REVIEW,
    /** A social media mention. */
    SOCIAL,
    /** A call transcript. */
    CALL,
    CHAT,
    EMAIL;

    public static final String RULE = "one of SURVEY, REVIEW, SOCIAL, CALL, CHAT, EMAIL";

    public static Optional<FeedbackChannel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
