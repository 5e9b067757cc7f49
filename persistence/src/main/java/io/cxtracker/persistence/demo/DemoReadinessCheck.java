package io.cxtracker.persistence.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the demo program is being loaded or topped up, so that nobody looks at half a program; UP otherwise — also
 * when loading failed (the application works without the demo; the reason is in the data and the log).
 */
@Readiness
@ApplicationScoped
public class DemoReadinessCheck implements HealthCheck {

    @Inject
    DemoStartup demo;

    @Override
    public HealthCheckResponse call() {
        DemoStartup.State state = demo.state();
        boolean busy = state == DemoStartup.State.WAITING || state == DemoStartup.State.LOADING
                || state == DemoStartup.State.TOPPING_UP;
        return HealthCheckResponse.named("demo-program")
                .status(!busy)
                .withData("state", state.name())
                .withData("detail", demo.detail())
                .build();
    }
}
