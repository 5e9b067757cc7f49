package io.cxtracker.domain.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats an accountability report is exported in, with their media types and file extensions. */
public enum ReportFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PDF("application/pdf", "pdf"),
    JSON("application/json", "json");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** By its extension ({@code csv}, {@code xlsx}, {@code pdf}, {@code json}), any case. */
    public static Optional<ReportFormat> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(wanted)).findFirst();
    }

    /** By its media type, parameters ignored. */
    public static Optional<ReportFormat> byMediaType(String type) {
        if (type == null) {
            return Optional.empty();
        }
        String bare = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(bare)).findFirst();
    }
}
