package io.cxtracker.domain.department;

import io.cxtracker.domain.shared.DepartmentCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchDepartmentLookupTest {
    private final Department support = new Department(new DepartmentCode("support"), "Customer Support", null);
    private final List<String> asked = new ArrayList<>();
    private final DepartmentRepository repository = new DepartmentRepository() {
        @Override
        public Optional<Department> findByCode(DepartmentCode code) {
            asked.add(code.value());
            return code.value().equals("support") ? Optional.of(support) : Optional.empty();
        }

        @Override
        public Page<Department> page(PageRequest request, String search) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void add(Department department) {
            throw new UnsupportedOperationException();
        }
    };
    private final BatchDepartmentLookup lookup = new BatchDepartmentLookup(repository);

    @Test
    void looksEachCodeUpOncePerBatch() {
        Violations violations = new Violations();
        assertSame(support, lookup.optional("support", violations));
        assertSame(support, lookup.optional("support", violations));
        assertNull(lookup.optional("nowhere", violations));
        assertNull(lookup.optional("nowhere", new Violations()));
        assertEquals(List.of("support", "nowhere"), asked);
    }

    @Test
    void noCodeIsNoDepartmentAndNoViolation() {
        Violations violations = new Violations();
        assertNull(lookup.optional(null, violations));
        assertNull(lookup.optional("  ", violations));
        assertTrue(violations.isEmpty());
        assertEquals(List.of(), asked);
    }

    @Test
    void aMalformedOrUnknownCodeIsAViolationOfTheField() {
        Violations malformed = new Violations();
        assertNull(lookup.optional("Not A Code", malformed));
        assertEquals("departmentCode", malformed.list().get(0).field());
        assertEquals(List.of(), asked, "a malformed code is never looked up");

        Violations unknown = new Violations();
        lookup.optional("nowhere", unknown);
        assertEquals("no department has the code 'nowhere'", unknown.list().get(0).message());
    }

    @Test
    void aCodeRefusedOnceIsRefusedForEveryItemThatGivesIt() {
        for (int item = 0; item < 2; item++) {
            Violations malformed = new Violations();
            assertNull(lookup.optional("Not A Code", malformed));
            assertEquals("must be " + DepartmentCode.RULE, malformed.list().get(0).message());
            Violations unknown = new Violations();
            assertNull(lookup.optional("nowhere", unknown));
            assertEquals("no department has the code 'nowhere'", unknown.list().get(0).message());
        }
        assertEquals(List.of("nowhere"), asked);
    }

    @Test
    void aFoundDepartmentIsFoundAgainWithoutAViolation() {
        Violations violations = new Violations();
        for (int item = 0; item < 3; item++) {
            assertSame(support, lookup.optional("support", violations));
        }
        assertTrue(violations.isEmpty());
        assertEquals(List.of("support"), asked);
    }
}
