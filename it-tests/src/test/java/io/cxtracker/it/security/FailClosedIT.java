package io.cxtracker.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Broken sign-in must never mean an open app. Two copies of the real WAR with their security damaged
 * on purpose, each under its own context root: one names a resolver class that does not exist (WildFly
 * only logs that), one has no OIDC at all (no resolver, no login-config, no constraints). Neither may
 * serve data or accept a write without a token.
 */
@ExtendWith(ArquillianExtension.class)
class FailClosedIT {

    private final HttpJson app = HttpJson.forBaseUrl();

    @Deployment(name = "missing-resolver", testable = false)
    static WebArchive missingResolver() {
        return variant("missing-resolver", web -> web.replace("io.cxtracker.ui.security.CxOidcConfigResolver",
                "io.cxtracker.ui.security.NoSuchResolver"));
    }

    @Deployment(name = "no-oidc", testable = false)
    static WebArchive noOidc() {
        return variant("no-oidc", web -> web
                .replaceAll("(?s)<context-param>.*?</context-param>", "")
                .replaceAll("(?s)<security-constraint>.*?</security-constraint>", "")
                .replaceAll("(?s)<login-config>.*?</login-config>", ""));
    }

    @Test
    void aMissingResolverClassServesNothing() {
        var read = app.get("/missing-resolver/api/departments");
        assertFalse(read.status() / 100 == 2 || read.status() / 100 == 3, read::toString);
        assertFalse(read.body().contains("\"items\""), read::toString);
        assertNoWrite("/missing-resolver");
        var ui = app.get("/missing-resolver/departments");
        assertFalse(ui.status() == 200, ui::toString);
    }

    @Test
    void withoutOidcTheFailClosedFilterAnswers401() {
        var read = app.get("/no-oidc/api/departments");
        TokenValidationIT.assertUnauthorized(read);
        assertTrue(read.header("WWW-Authenticate").startsWith("Bearer"), read::toString);
        assertNoWrite("/no-oidc");
        assertEquals(401, app.get("/no-oidc/departments").status());
    }

    private void assertNoWrite(String root) {
        long before = Database.count("department");
        var write = app.post(root + "/api/departments", """
                {"code":"fail-open","name":"Must not exist"}""");
        assertFalse(write.status() / 100 == 2, write::toString);
        assertEquals(before, Database.count("department"));
        assertEquals(0, Database.count("department where code = 'fail-open'"));
    }

    private static WebArchive variant(String contextRoot, UnaryOperator<String> webXml) {
        WebArchive real = Deployments.realWar();
        String web = read(real, "WEB-INF/web.xml");
        String jbossWeb = read(real, "WEB-INF/jboss-web.xml").replace("<context-root>/</context-root>",
                "<context-root>/" + contextRoot + "</context-root>");
        String damaged = webXml.apply(web);
        if (damaged.equals(web)) {
            throw new IllegalStateException("the " + contextRoot + " variant did not change web.xml: update this test");
        }
        WebArchive copy = ShrinkWrap.create(WebArchive.class, contextRoot + ".war").merge(real);
        copy.delete("WEB-INF/web.xml");
        copy.delete("WEB-INF/jboss-web.xml");
        copy.addAsWebInfResource(new StringAsset(damaged), "web.xml");
        copy.addAsWebInfResource(new StringAsset(jbossWeb), "jboss-web.xml");
        return copy;
    }

    private static String read(WebArchive archive, String path) {
        try (InputStream in = archive.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
