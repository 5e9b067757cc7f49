package io.cxtracker.persistence.progress;

import io.cxtracker.domain.progress.ReadCacheSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/** The read cache's size from MicroProfile Config: {@code cx.read-cache.entries} ({@code CX_READ_CACHE_ENTRIES}, default 256, 0 off). */
@ApplicationScoped
public class ReadCacheSettingsProducer {

    @Produces
    ReadCacheSettings settings() {
        return new ReadCacheSettings(ConfigProvider.getConfig().getOptionalValue("cx.read-cache.entries", Integer.class)
                .orElse(ReadCacheSettings.DEFAULTS.entries()));
    }
}
