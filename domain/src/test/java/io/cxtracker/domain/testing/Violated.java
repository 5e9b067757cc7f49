package io.cxtracker.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Asserts that a command is refused naming exactly the given fields. */
public final class Violated {
    private Violated() {
    }

    public static InvalidInputException fields(Executable command, String... fields) {
        InvalidInputException e = assertThrows(InvalidInputException.class, command);
        assertEquals(List.of(fields), e.violations().stream().map(FieldViolation::field).toList(), e.getMessage());
        return e;
    }
}
