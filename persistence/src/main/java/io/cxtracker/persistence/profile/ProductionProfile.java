package io.cxtracker.persistence.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The settings a deployment must not run with outside local mode. Pure: it judges the values it is given, so
 * every refusal is unit-tested with hand-made settings; {@link StartupGuard} gathers the real ones.
 */
public final class ProductionProfile {
    /** The UI client secret of keycloak/cxtracker-realm.json, public in this repository. */
    public static final String SHIPPED_UI_CLIENT_SECRET = "cxtracker-ui-local-secret";
    /** The directory client's secret of keycloak/cxtracker-realm.json (alert e-mails' recipients), public too. */
    public static final String SHIPPED_DIRECTORY_CLIENT_SECRET = "cxtracker-directory-local-secret";

    private ProductionProfile() {
    }

    /**
     * What the guard reads.
     *
     * @param mode               raw {@code cx.mode} (null: not set)
     * @param uiClientSecret     {@code cx.oidc.client-secret}
     * @param sslRequired        {@code cx.oidc.ssl-required}
     * @param runtimeUser        the datasource's login ({@code current_user})
     * @param runtimeSuperuser   whether that login is a PostgreSQL superuser
     * @param ownerUser          {@code cx.db.owner-user} (null: not set)
     * @param componentProblems  what parts of the app found unusable in their own settings for this mode
     *                           ({@link StartupCheck}), e.g. no audit signing key file: refused in any mode
     * @param directoryClientSecret {@code cx.directory.client-secret} when alert e-mails are on (null: they are off)
     */
    public record Settings(String mode, String uiClientSecret, String sslRequired, String runtimeUser,
                           boolean runtimeSuperuser, String ownerUser, List<String> componentProblems,
                           String directoryClientSecret) {
        public Settings {
            componentProblems = componentProblems == null ? List.of() : List.copyOf(componentProblems);
        }

        /** Without alert e-mails (no directory client in use). */
        public Settings(String mode, String uiClientSecret, String sslRequired, String runtimeUser,
                        boolean runtimeSuperuser, String ownerUser, List<String> componentProblems) {
            this(mode, uiClientSecret, sslRequired, runtimeUser, runtimeSuperuser, ownerUser, componentProblems, null);
        }
    }

    /** Refusals stop the app; warnings are only logged. */
    public record Verdict(List<String> refusals, List<String> warnings) {
        public Verdict {
            refusals = List.copyOf(refusals);
            warnings = List.copyOf(warnings);
        }

        public boolean refused() {
            return !refusals.isEmpty();
        }
    }

    public static Verdict judge(Settings s) {
        List<String> problems = new ArrayList<>();
        var mode = DeploymentMode.parse(s.mode());
        if (mode.isEmpty()) {
            return new Verdict(List.of("CX_MODE (cx.mode) is '" + s.mode() + "': set it to production, or local on a developer machine"),
                    List.of());
        }
        if (s.uiClientSecret() != null && s.uiClientSecret().strip().equals(SHIPPED_UI_CLIENT_SECRET)) {
            problems.add("CX_OIDC_CLIENT_SECRET (cx.oidc.client-secret) is the shipped local secret: set the secret of the UI "
                    + "client in your Keycloak realm");
        }
        if (s.directoryClientSecret() != null && s.directoryClientSecret().strip().equals(SHIPPED_DIRECTORY_CLIENT_SECRET)) {
            problems.add("CX_DIRECTORY_CLIENT_SECRET (cx.directory.client-secret) is the shipped local secret: set the secret "
                    + "of the cxtracker-directory client in your Keycloak realm, or CX_MAIL_ENABLED=false");
        }
        if (s.runtimeSuperuser()) {
            problems.add("the runtime database login CX_DB_USER (" + s.runtimeUser() + ") is a PostgreSQL superuser: use a "
                    + "role without SUPERUSER, granted by the migrations (docs/OPERATIONS.md)");
        }
        if (s.sslRequired() != null && s.sslRequired().strip().toLowerCase(Locale.ROOT).equals("none")) {
            problems.add("CX_OIDC_SSL_REQUIRED (cx.oidc.ssl-required) is none: set external or all");
        }
        if (s.ownerUser() == null || s.ownerUser().isBlank() || s.ownerUser().equals(s.runtimeUser())) {
            problems.add("CX_DB_OWNER_USER (cx.db.owner-user) is not set or is the runtime login: the migrations need an "
                    + "owner role of their own, so that the runtime login owns nothing");
        }
        if (mode.get() == DeploymentMode.LOCAL) {
            // a developer machine may use the local realm and one login, but should know
            List<String> warnings = problems.stream().filter(p -> p.contains("superuser")).toList();
            return new Verdict(s.componentProblems(), warnings);
        }
        problems.addAll(s.componentProblems());
        return new Verdict(problems, List.of());
    }

    /** The single log line of a refused start. */
    public static String refusalLine(Verdict verdict) {
        return "CX Tracker refuses to start: " + String.join("; ", verdict.refusals())
                + ". Readiness stays DOWN and no request is served until this is fixed and the server restarted"
                + " (CX_MODE=local only on a developer machine).";
    }
}
