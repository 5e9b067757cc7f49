package io.cxtracker.domain.listen;

import io.cxtracker.domain.metric.CesScale;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One raw answer from a survey tool: the score, when and where it was given, and the sender's key
 * that makes re-sending harmless.
 */
public record SurveyResponse(SurveyKind kind, int score, Instant answeredAt, String channel, DepartmentCode department,
                             String comment, String idempotencyKey) {
    public static final int COMMENT_MAX_LENGTH = 4000;
    public static final int KEY_MAX_LENGTH = 200;
    public static final String CHANNEL_REGEX = "[a-z][a-z0-9-]{0,39}";
    private static final Pattern CHANNEL = Pattern.compile(CHANNEL_REGEX);

    /**
     * Checks every field at once.
     *
     * @throws InvalidInputException naming each bad field
     */
    public SurveyResponse {
        List<FieldViolation> bad = new ArrayList<>();
        if (kind == null) {
            bad.add(new FieldViolation("kind", "is required: one of NPS, CSAT, CES"));
        }
        if (answeredAt == null) {
            bad.add(new FieldViolation("answeredAt", "is required"));
        }
        if (channel != null && !CHANNEL.matcher(channel).matches()) {
            bad.add(new FieldViolation("channel", "must be a lower-case slug such as email, chat, phone"));
        }
        if (comment != null && comment.length() > COMMENT_MAX_LENGTH) {
            bad.add(new FieldViolation("comment", "must be at most " + COMMENT_MAX_LENGTH + " characters"));
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > KEY_MAX_LENGTH) {
            bad.add(new FieldViolation("idempotencyKey", "is required, 1 to " + KEY_MAX_LENGTH + " characters"));
        }
        if (!bad.isEmpty()) {
            throw new InvalidInputException(bad);
        }
    }

    /** Checks the score against the question's scale (CES: the configured one). */
    public void requireScoreOnScale(CesScale cesScale) {
        boolean onScale = switch (kind) {
            case NPS -> score >= 0 && score <= 10;
            case CSAT -> score >= 1 && score <= 5;
            case CES -> cesScale.contains(score);
        };
        if (!onScale) {
            String scale = switch (kind) {
                case NPS -> "0 to 10";
                case CSAT -> "1 to 5";
                case CES -> cesScale.lowest() + " to " + cesScale.highest();
            };
            throw new InvalidInputException("score", "a " + kind + " score is " + scale + ", was " + score);
        }
    }
}
