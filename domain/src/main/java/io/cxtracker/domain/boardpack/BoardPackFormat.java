package io.cxtracker.domain.boardpack;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a board pack is built in: slides to present, and pages to file. Both carry the same content. */
public enum BoardPackFormat {
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    BoardPackFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** By its extension ({@code pptx}, {@code pdf}), any case. */
    public static Optional<BoardPackFormat> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(wanted)).findFirst();
    }
}
