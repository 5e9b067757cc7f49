package io.cxtracker.persistence.profile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN, naming what to fix, while a production deployment refuses to serve (see {@link ProductionProfile}). */
@Readiness
@ApplicationScoped
public class StartupGuardReadinessCheck implements HealthCheck {

    @Inject
    StartupGuard guard;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("deployment-profile");
        return guard.refusal()
                .map(reason -> response.down().withData("refused", reason).build())
                .orElseGet(() -> response.up().build());
    }
}
