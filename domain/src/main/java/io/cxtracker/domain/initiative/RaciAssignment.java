package io.cxtracker.domain.initiative;

import io.cxtracker.domain.department.Department;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A contributing department's role in an initiative (never ACCOUNTABLE: that is the initiative's own column). */
@Embeddable
public class RaciAssignment {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "department_id", nullable = false)
    private Department department;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private RaciRole role;

    protected RaciAssignment() {
        // for JPA
    }

    RaciAssignment(Department department, RaciRole role) {
        if (role == RaciRole.ACCOUNTABLE) {
            throw new IllegalArgumentException("the accountable department is the initiative's, not a contributor's");
        }
        this.department = department;
        this.role = role;
    }

    public Department department() {
        return department;
    }

    public RaciRole role() {
        return role;
    }
}
