package io.cxtracker.it.support;

import java.util.List;
import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.StopSuiteContainers;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * With {@code -Dcx.it.deployment.shared=true} the test classes of a run share one deployment of the real WAR instead of
 * one each: the first class deploys it, the next ones find it deployed, and it is undeployed once, when the server
 * stops. {@code bench/run.sh quick} runs its four it-tests benchmarks this way: every redeployment cost 10–30 s of a
 * smoke that must stay under two minutes, and the benchmarks read the server from outside (no in-container test), so
 * they do not need a fresh deployment. Off by default: the integration tests keep one deployment per class, and every
 * benchmark of the full run starts a server of its own.
 */
public class SharedDeployment implements LoadableExtension {
    public static final String SETTING = "cx.it.deployment.shared";

    @Override
    public void register(ExtensionBuilder builder) {
        if (Boolean.getBoolean(SETTING)) {
            builder.observer(Keeper.class);
        }
    }

    /** Lets the first class's deployment through, keeps it past its class and undeploys it at the end. */
    public static class Keeper {
        @Inject
        private Instance<DeploymentScenario> scenario;

        @Inject
        private Instance<ContainerRegistry> registry;

        @Inject
        private Event<UnDeployDeployment> undeploy;

        private List<Deployment> kept = List.of();
        private Container container;

        public void deploy(@Observes EventContext<DeployManagedDeployments> event) {
            List<Deployment> wanted = scenario.get().managedDeploymentsInDeployOrder();
            if (kept.isEmpty()) {
                event.proceed();
                kept = scenario.get().deployedDeployments();
                if (!kept.isEmpty()) {
                    container = registry.get().getContainer(kept.getFirst().getDescription().getTarget());
                }
                return;
            }
            if (!names(wanted).equals(names(kept))) {
                throw new IllegalStateException(SETTING + ": every class must deploy the same archives to share them, but "
                        + names(wanted) + " differs from the deployed " + names(kept));
            }
            // already deployed: nothing to do
        }

        public void undeploy(@Observes EventContext<UnDeployManagedDeployments> event) {
            if (kept.isEmpty()) {
                event.proceed(); // nothing was kept (the deployment failed): as without sharing
            }
        }

        public void stop(@Observes EventContext<StopSuiteContainers> event) {
            try {
                // as Arquillian itself undeploys (the event sets up the container's and the deployment's contexts)
                for (Deployment deployment : kept.reversed()) {
                    undeploy.fire(new UnDeployDeployment(container, deployment));
                }
            } catch (Exception e) {
                // the server stops next anyway; only its copy of the archive stays in target/
                System.err.println("[it] could not undeploy the shared deployment: " + e);
            } finally {
                kept = List.of();
                event.proceed();
            }
        }

        private static List<String> names(List<Deployment> deployments) {
            return deployments.stream().map(d -> d.getDescription().isArchiveDeployment()
                    ? d.getDescription().getArchive().getName() : d.getDescription().getName()).toList();
        }
    }
}
