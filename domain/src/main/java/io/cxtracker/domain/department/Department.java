package io.cxtracker.domain.department;

import io.cxtracker.domain.shared.DepartmentCode;

import io.cxtracker.domain.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Optional;

/**
 * A part of the company that owns moments of the customer's experience. Departments may sit under a
 * parent (a division); the code is the natural key everyone else refers to.
 */
@Entity
@Table(name = "department")
public class Department {
    public static final int NAME_MAX_LENGTH = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, unique = true, updatable = false, length = DepartmentCode.MAX_LENGTH)
    private String code;

    @Column(name = "name", nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Department parent;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Department() {
        // for JPA
    }

    public Department(DepartmentCode code, String name, Department parent) {
        this.code = code.value();
        this.name = requireName(name);
        this.parent = parent;
    }

    /** Renames the department; the code never changes because tokens and reports refer to it. */
    public void rename(String newName) {
        this.name = requireName(newName);
    }

    public DepartmentCode code() {
        return new DepartmentCode(code);
    }

    public String name() {
        return name;
    }

    public Optional<Department> parent() {
        return Optional.ofNullable(parent);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    static String requireName(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        String trimmed = candidate.strip();
        if (trimmed.length() > NAME_MAX_LENGTH) {
            throw new InvalidInputException("name", "must be at most " + NAME_MAX_LENGTH + " characters");
        }
        return trimmed;
    }
}
