package io.cxtracker.persistence.profile;

import java.util.Optional;

/**
 * A part of the app that judges its own settings at start-up (CDI bean): what it says is a refusal of the start
 * like the guard's own checks, so an operator reads every reason in one log line and readiness stays DOWN instead
 * of the deployment failing half-way.
 */
public interface StartupCheck {

    /** Why this part cannot work as configured in the given mode, or empty when it can. */
    Optional<String> problem(DeploymentMode mode);
}
