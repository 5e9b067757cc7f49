package io.cxtracker.domain.shared;

import java.util.Optional;

/**
 * Whether this deployment refused to start (production mode with an unsafe setting): then no request
 * may touch data. The web layer asks; persistence decides, because one of the checks needs the database.
 */
public interface StartupRefusal {

    /** @return why the app refuses to serve, in words an operator can act on; empty when it serves */
    Optional<String> reason();
}
