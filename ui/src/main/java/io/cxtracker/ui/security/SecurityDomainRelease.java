package io.cxtracker.ui.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.wildfly.security.auth.server.SecurityDomain;

/**
 * Lets go of the deployment's class loader in Elytron when the WAR is undeployed. WildFly associates the virtual
 * security domain it makes for an OIDC deployment with the deployment's class loader, in a static map of Elytron
 * ({@code SecurityDomain.CLASS_LOADER_DOMAIN_MAP}, reachable from the platform MBean server), and did not remove it on
 * undeploy: every redeploy kept the whole previous deployment (its classes, statics, Hibernate and Vaadin metadata,
 * about 43 MiB) alive for the life of the server. A heap dump after two redeploys showed that map as the path from a
 * GC root to the old class loaders; scripts/redeploy-leak-check.sh measures it. Removing the association when the
 * servlet context is destroyed is safe: no request reaches the deployment any more, and the next deployment makes its
 * own.
 */
public class SecurityDomainRelease implements ServletContextListener {

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        SecurityDomain.unregisterClassLoader(event.getServletContext().getClassLoader());
    }
}
