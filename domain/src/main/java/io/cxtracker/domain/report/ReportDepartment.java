package io.cxtracker.domain.report;

/**
 * A group of a report: a department, or (code null) the program-wide group that holds what no single
 * department owns, such as company-wide targets and changes to the program itself.
 */
public record ReportDepartment(String code, String name) {
    public static final ReportDepartment PROGRAM_WIDE = new ReportDepartment(null, "Program-wide");

    public boolean isProgramWide() {
        return code == null;
    }
}
