package io.cxtracker.domain.security;

import io.cxtracker.domain.shared.DepartmentCode;
import java.util.Set;

/**
 * Which parts of what customers said one reader may see (ARCHITECTURE §1, reads). Themes, sentiment, channel, day and
 * counts are transparent to every program reader; the words themselves (feedback text, comments) only to
 * executives, auditors, program admins and the leads of the department the item concerns; where an item came
 * from ({@code source}, {@code idempotencyKey}) only to program admins and ingestion clients.
 *
 * @param everyText the reader sees the text of every item
 * @param textOf the departments whose items' text the reader sees (a lead's own), when not {@code everyText}
 * @param provenance the reader sees source and idempotency key
 */
public record CustomerVoiceAccess(boolean everyText, Set<DepartmentCode> textOf, boolean provenance) {

    public CustomerVoiceAccess {
        textOf = Set.copyOf(textOf);
    }

    /** Whether the reader sees the text of an item concerning this department (null: no department). */
    public boolean mayReadTextOf(String departmentCode) {
        if (everyText) {
            return true;
        }
        return departmentCode != null && DepartmentCode.isValid(departmentCode)
                && textOf.contains(new DepartmentCode(departmentCode));
    }

    /** Whether some items' text is withheld from this reader (the UI says so once). */
    public boolean isPartial() {
        return !everyText;
    }
}
