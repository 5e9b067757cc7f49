package io.cxtracker.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real WAR the build produced, not a hand-assembled archive. */
public final class Deployments {
    private Deployments() {
    }

    public static WebArchive realWar() {
        File war = new File(System.getProperty("cx.it.war", "../ui/target/cxtracker.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("The WAR is missing at " + war.getAbsolutePath() + ": build the ui module first");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
