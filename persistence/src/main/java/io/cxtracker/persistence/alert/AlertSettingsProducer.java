package io.cxtracker.persistence.alert;

import io.cxtracker.domain.alert.AlertSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The alert rules' thresholds from MicroProfile Config: {@code cx.alerts.check-in-days} ({@code
 * CX_ALERTS_CHECK_IN_DAYS}, default 14) and {@code cx.alerts.due-soon-days} ({@code CX_ALERTS_DUE_SOON_DAYS},
 * default 7).
 */
@ApplicationScoped
public class AlertSettingsProducer {

    @Produces
    AlertSettings settings() {
        var config = ConfigProvider.getConfig();
        return new AlertSettings(
                config.getOptionalValue("cx.alerts.check-in-days", Integer.class).orElse(AlertSettings.DEFAULTS.checkInDays()),
                config.getOptionalValue("cx.alerts.due-soon-days", Integer.class).orElse(AlertSettings.DEFAULTS.dueSoonDays()));
    }
}
