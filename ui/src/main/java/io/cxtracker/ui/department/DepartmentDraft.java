package io.cxtracker.ui.department;

import io.cxtracker.domain.department.DepartmentSummary;

/** What the form edits: a plain holder, never a live entity. */
public class DepartmentDraft {
    private String code = "";
    private String name = "";
    private DepartmentSummary parent;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public DepartmentSummary getParent() {
        return parent;
    }

    public void setParent(DepartmentSummary parent) {
        this.parent = parent;
    }
}
