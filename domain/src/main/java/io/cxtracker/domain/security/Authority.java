package io.cxtracker.domain.security;

import io.cxtracker.domain.department.DepartmentCode;
import java.util.Arrays;

/**
 * The authority rule of DESIGN §3 in one place: program admins set up; a department lead writes only
 * where the owner department is one of theirs; executives and auditors only read; a metrics-ingest
 * client posts readings and survey responses and nothing else.
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

    public static void requireAnyRole(CurrentUser user, String action, Role... allowed) {
        for (Role role : allowed) {
            if (user.has(role)) {
                return;
            }
        }
        throw new AccessDeniedException(user.name() + " may not " + action + ": it needs one of the roles "
                + Arrays.stream(allowed).map(Role::tokenName).toList());
    }
}
