package io.cxtracker.domain.security;

import io.cxtracker.domain.shared.DepartmentCode;
import java.util.Arrays;
import java.util.Set;

/**
 * The authority rules of ARCHITECTURE §1 and §3 in one place, for writes and reads.
 *
 * <p>Writes: program admins set up; a department lead writes only where the owner department is one of
 * theirs; executives and auditors only read; a metrics-ingest client posts readings, survey responses and
 * feedback and nothing else.
 *
 * <p>Reads: a signed-in account without a role reads nothing; a metrics-ingest client reads only the metric
 * definitions its job needs; executives, department leads, auditors and program admins read the plan,
 * metrics and dashboards. What customers said is narrower ({@link #requireCanReadCustomerVoice}): a lead
 * reads feedback text only of their own departments, and only program admins see where an item came
 * from ({@code source}, {@code idempotencyKey}). Every read method of a use-case service starts with one of
 * these checks, so the API and the UI obey the same rule.
 */
public final class Authority {
    private Authority() {
    }

    /** Set-up of the program: phases, departments, initiatives, metrics, targets, milestones. */
    public static void requireProgramAdmin(CurrentUser user, String action) {
        requireAnyRole(user, action, Role.PROGRAM_ADMIN);
    }

    /** Writes to something a department owns (milestone check-ins, commitments, evidence). */
    public static void requireCanWriteFor(CurrentUser user, DepartmentCode owner, String action) {
        if (user.has(Role.PROGRAM_ADMIN)) {
            return;
        }
        if (user.has(Role.DEPARTMENT_LEAD) && user.departments().contains(owner)) {
            return;
        }
        if (user.has(Role.DEPARTMENT_LEAD)) {
            throw new AccessDeniedException(user.name() + " leads " + user.departments()
                    + " and may not " + action + " owned by " + owner);
        }
        throw new AccessDeniedException(user.name() + " may not " + action + ": only the owning department's lead or a program admin may");
    }

    /** Pushing metric data: machine clients and program admins. */
    public static void requireCanIngest(CurrentUser user, String action) {
        requireAnyRole(user, action, Role.METRICS_INGEST, Role.PROGRAM_ADMIN);
    }

    /** The roles that read the program: the plan, metrics, targets, dashboards, commitments, assessments. */
    static final Role[] PROGRAM_READERS = {Role.EXECUTIVE, Role.DEPARTMENT_LEAD, Role.AUDITOR, Role.PROGRAM_ADMIN};
    /** Metric definitions are also what an ingestion client needs to address its readings. */
    static final Role[] METRIC_DEFINITION_READERS = {Role.EXECUTIVE, Role.DEPARTMENT_LEAD, Role.AUDITOR, Role.PROGRAM_ADMIN,
            Role.METRICS_INGEST};
    /** Where a feedback item came from (sender and its key) is the senders' and the admins' business. */
    static final Role[] PROVENANCE_READERS = {Role.PROGRAM_ADMIN, Role.METRICS_INGEST};

    /** Whether the user may read program data at all: what the UI asks before showing any view. */
    public static boolean mayReadProgram(CurrentUser user) {
        return hasAny(user, PROGRAM_READERS);
    }

    /** Reads of the plan, metrics' data, targets, dashboards, commitments and assessments ({@code what}: "milestones"). */
    public static void requireCanReadProgram(CurrentUser user, String what) {
        requireAnyRole(user, "read " + what, PROGRAM_READERS);
    }

    /** Reads of metric definitions (key, name, kind, unit): program readers and ingestion clients. */
    public static void requireCanReadMetricDefinitions(CurrentUser user) {
        requireAnyRole(user, "read metric definitions", METRIC_DEFINITION_READERS);
    }

    /**
     * Reads of what customers said (feedback items; insights and loops built from them): refused like any
     * program read, else the access that says which parts of each item this user may see.
     */
    public static CustomerVoiceAccess requireCanReadCustomerVoice(CurrentUser user, String what) {
        requireCanReadProgram(user, what);
        boolean everyText = hasAny(user, Role.EXECUTIVE, Role.AUDITOR, Role.PROGRAM_ADMIN);
        Set<DepartmentCode> own = everyText || !user.has(Role.DEPARTMENT_LEAD) ? Set.of() : Set.copyOf(user.departments());
        return new CustomerVoiceAccess(everyText, own, hasAny(user, PROVENANCE_READERS));
    }

    private static boolean hasAny(CurrentUser user, Role... roles) {
        for (Role role : roles) {
            if (user.has(role)) {
                return true;
            }
        }
        return false;
    }

    public static void requireAnyRole(CurrentUser user, String action, Role... allowed) {
        for (Role role : allowed) {
            if (user.has(role)) {
                return;
            }
        }
        String roles = Arrays.stream(allowed).map(Role::tokenName).toList().toString();
        if (user.isAuthenticated() && user.roles().isEmpty()) {
            throw new AccessDeniedException(user.name() + " is signed in but has no role yet, and may not " + action
                    + ": it needs one of the roles " + roles + "; ask a program admin for one");
        }
        throw new AccessDeniedException(user.name() + " may not " + action + ": it needs one of the roles " + roles);
    }
}
