package io.cxtracker.persistence.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each refusal of a production start, judged on hand-made settings. */
class ProductionProfileTest {
    private static final ProductionProfile.Settings SAFE = new ProductionProfile.Settings("production",
            "a-long-random-secret", "external", "cx_app", false, "cx_owner", List.of());

    @Test
    void aSafeProductionConfigurationStarts() {
        ProductionProfile.Verdict verdict = ProductionProfile.judge(SAFE);
        assertFalse(verdict.refused());
        assertEquals(List.of(), verdict.warnings());
        assertFalse(ProductionProfile.judge(settings("production", "s", "all", false, "cx_owner")).refused());
    }

    @Test
    void productionIsTheDefaultMode() {
        ProductionProfile.Verdict verdict = ProductionProfile.judge(settings(null, "cxtracker-ui-local-secret", "external", false, "cx_owner"));
        assertTrue(verdict.refused());
        assertEquals(1, verdict.refusals().size());
        assertTrue(ProductionProfile.judge(settings("  ", "cxtracker-ui-local-secret", "external", false, "cx_owner")).refused());
    }

    @Test
    void theShippedUiClientSecretIsRefused() {
        ProductionProfile.Verdict verdict = ProductionProfile.judge(settings("production", "cxtracker-ui-local-secret", "external", false, "cx_owner"));
        assertEquals(1, verdict.refusals().size());
        assertTrue(verdict.refusals().get(0).startsWith("CX_OIDC_CLIENT_SECRET (cx.oidc.client-secret) is the shipped local secret"),
                verdict.refusals().get(0));
        assertTrue(ProductionProfile.judge(settings("production", " cxtracker-ui-local-secret ", "external", false, "cx_owner")).refused());
    }

    @Test
    void theShippedDirectoryClientSecretIsRefusedOutsideLocalModeWhenMailIsOn() {
        ProductionProfile.Verdict verdict = ProductionProfile.judge(new ProductionProfile.Settings("production",
                "a-long-random-secret", "external", "cx_app", false, "cx_owner", List.of(), " cxtracker-directory-local-secret"));
        assertEquals(1, verdict.refusals().size());
        assertTrue(verdict.refusals().get(0).startsWith("CX_DIRECTORY_CLIENT_SECRET (cx.directory.client-secret) is the "
                + "shipped local secret"), verdict.refusals().get(0));
        // a secret of its own, or mail off (no secret judged), starts
        assertFalse(ProductionProfile.judge(new ProductionProfile.Settings("production", "a-long-random-secret", "external",
                "cx_app", false, "cx_owner", List.of(), "another-secret")).refused());
        assertFalse(ProductionProfile.judge(SAFE).refused());
        // a developer machine may use it
        assertFalse(ProductionProfile.judge(new ProductionProfile.Settings("local", "cxtracker-ui-local-secret", "external",
                "cx_app", false, "cx_owner", List.of(), "cxtracker-directory-local-secret")).refused());
    }

    @Test
    void aSuperuserRuntimeLoginIsRefused() {
        ProductionProfile.Verdict verdict = ProductionProfile.judge(settings("production", "s", "external", true, "cx_owner"));
        assertEquals(List.of("the runtime database login CX_DB_USER (cx_app) is a PostgreSQL superuser: use a role without "
                + "SUPERUSER, granted by the migrations (docs/OPERATIONS.md)"), verdict.refusals());
    }

    @Test
    void sslRequiredNoneIsRefusedInAnySpelling() {
        for (String none : List.of("none", "NONE", " None ")) {
            ProductionProfile.Verdict verdict = ProductionProfile.judge(settings("production", "s", none, false, "cx_owner"));
            assertEquals(List.of("CX_OIDC_SSL_REQUIRED (cx.oidc.ssl-required) is none: set external or all"), verdict.refusals(), none);
        }
    }

    @Test
    void migrationsWithoutAnOwnerLoginOfTheirOwnAreRefused() {
        assertTrue(ProductionProfile.judge(settings("production", "s", "external", false, null)).refusals().get(0)
                .startsWith("CX_DB_OWNER_USER (cx.db.owner-user) is not set or is the runtime login"));
        assertTrue(ProductionProfile.judge(settings("production", "s", "external", false, "")).refused());
        assertTrue(ProductionProfile.judge(settings("production", "s", "external", false, "cx_app")).refused());
    }

    @Test
    void everyRefusalIsNamedInOneLogLine() {
        ProductionProfile.Verdict verdict = ProductionProfile.judge(settings("production", "cxtracker-ui-local-secret", "none", true, null));
        assertEquals(4, verdict.refusals().size());
        String line = ProductionProfile.refusalLine(verdict);
        assertFalse(line.contains("\n"));
        for (String key : List.of("CX_OIDC_CLIENT_SECRET", "CX_DB_USER", "CX_OIDC_SSL_REQUIRED", "CX_DB_OWNER_USER")) {
            assertTrue(line.contains(key), key);
        }
    }

    @Test
    void localModeRefusesNothingAndWarnsOfASuperuser() {
        ProductionProfile.Verdict verdict = ProductionProfile.judge(settings("local", "cxtracker-ui-local-secret", "none", true, null));
        assertFalse(verdict.refused());
        assertEquals(1, verdict.warnings().size());
        assertTrue(verdict.warnings().get(0).contains("superuser"));
        assertEquals(List.of(), ProductionProfile.judge(settings("LOCAL", "cxtracker-ui-local-secret", "external", false, null)).warnings());
    }

    @Test
    void whatAComponentFindsWrongIsRefusedInEveryModeBesideTheOtherReasons() {
        String noKey = "cx.audit.signing-key-file (CX_AUDIT_SIGNING_KEY_FILE) is not set";
        ProductionProfile.Verdict production = ProductionProfile.judge(new ProductionProfile.Settings("production",
                "cxtracker-ui-local-secret", "external", "cx_app", false, "cx_owner", List.of(noKey)));
        assertEquals(2, production.refusals().size());
        assertEquals(noKey, production.refusals().get(1));
        ProductionProfile.Verdict local = ProductionProfile.judge(new ProductionProfile.Settings("local",
                "cxtracker-ui-local-secret", "none", "cx_app", false, null, List.of(noKey)));
        assertEquals(List.of(noKey), local.refusals());
        assertTrue(ProductionProfile.refusalLine(local).contains("CX_AUDIT_SIGNING_KEY_FILE"));
    }

    @Test
    void anUnknownModeIsRefusedRatherThanGuessed() {
        ProductionProfile.Verdict verdict = ProductionProfile.judge(settings("prod", "s", "external", false, "cx_owner"));
        assertEquals(List.of("CX_MODE (cx.mode) is 'prod': set it to production, or local on a developer machine"), verdict.refusals());
    }

    private static ProductionProfile.Settings settings(String mode, String secret, String ssl, boolean superuser, String owner) {
        return new ProductionProfile.Settings(mode, secret, ssl, "cx_app", superuser, owner, List.of());
    }
}
