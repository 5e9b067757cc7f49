package io.cxtracker.domain.security;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles of ARCHITECTURE §1, by the name they carry in the token. */
public enum Role {
    EXECUTIVE("executive"),
    DEPARTMENT_LEAD("department-lead"),
    AUDITOR("auditor"),
    PROGRAM_ADMIN("program-admin"),
    METRICS_INGEST("metrics-ingest");

    private final String tokenName;

    Role(String tokenName) {
        this.tokenName = tokenName;
    }

    public String tokenName() {
        return tokenName;
    }

    public static Optional<Role> fromTokenName(String name) {
        return Arrays.stream(values()).filter(r -> r.tokenName.equals(name)).findFirst();
    }
}
