package io.cxtracker.persistence.listen;

import io.cxtracker.domain.metric.CesScale;
import io.cxtracker.domain.listen.SurveyReadingConversion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The company's survey settings, from MicroProfile Config: {@code cx.listen.zone} (environment
 * {@code CX_LISTEN_ZONE}, default UTC) decides which day an answer counts in; {@code cx.listen.ces-scale}
 * ({@code CX_LISTEN_CES_SCALE}, {@code 1-7} or {@code 1-10}, default 1-7) is the scale CES is asked on.
 */
@ApplicationScoped
public class ListenSettings {
    private static final Logger LOG = Logger.getLogger(ListenSettings.class.getName());

    @Produces
    SurveyReadingConversion conversion() {
        String zone = setting("cx.listen.zone", "UTC");
        String scale = setting("cx.listen.ces-scale", "1-7");
        return new SurveyReadingConversion(zone(zone), scale(scale));
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException("cx.listen.zone must be a time zone such as UTC or Europe/Paris, was '" + text + "'");
        }
    }

    static CesScale scale(String text) {
        String[] ends = text.strip().split("-");
        try {
            if (ends.length == 2) {
                return new CesScale(Integer.parseInt(ends[0].strip()), Integer.parseInt(ends[1].strip()));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalStateException("cx.listen.ces-scale must be a scale such as 1-7 or 1-10, was '" + text + "'");
    }

    private static String setting(String name, String fallback) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(fallback);
        } catch (IllegalStateException noConfig) {
            LOG.fine(() -> "no MicroProfile Config; " + name + " = " + fallback);
            return fallback;
        }
    }
}
