package io.cxtracker.domain.setup;

import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.program.Phase;
import io.cxtracker.domain.program.Program;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the audit trail records of the things a program admin sets up: snapshots of their fields, taken
 * before and after a write, so that each record holds the fields that changed (old → new).
 */
final class SetupAudit {
    static final String PROGRAM = "program";
    static final String INITIATIVE = "initiative";
    static final String ASSIGN_RACI = "assign-raci";

    private SetupAudit() {
    }

    /** The program with one field per phase: {@code phase.1 = Transform 2026-01-01..2026-12-31}. */
    static Map<String, Object> program(Program p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", p.name());
        fields.put("start", p.start());
        for (Phase phase : p.phases()) {
            fields.put("phase." + phase.number(), phase.name() + " " + phase.start() + ".." + phase.end());
        }
        return fields;
    }

    /** The initiative with one field per RACI assignment: {@code raci.support = ACCOUNTABLE}. */
    static Map<String, Object> initiative(Initiative i) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("program", i.program().id());
        fields.put("phase", i.phase().number());
        fields.put("pillar", i.pillar());
        fields.put("title", i.title());
        fields.put("description", i.description());
        fields.put("accountable", i.accountable().code().value());
        i.raci().forEach((code, role) -> fields.put("raci." + code.value(), role));
        return fields;
    }
}
