package io.cxtracker.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"nps", "csat", "fdr", "ces", "first_day-resolution", "x1"})
    void slugsAreKeys(String key) {
        assertEquals(key, MetricKey.of(key).toString());
        assertTrue(MetricKey.isValid(key));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "n", "NPS", "1nps", "_nps", "net promoter", "nps!",
        "a1234567890123456789012345678901234567890"})
    void anythingElseIsRejected(String key) {
        assertFalse(MetricKey.isValid(key));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MetricKey.of(key));
        assertEquals("key", e.violations().get(0).field());
    }

    @Test
    void fortyCharactersIsTheLongestKey() {
        String forty = "a" + "b".repeat(39);
        assertEquals(MetricKey.MAX_LENGTH, MetricKey.of(forty).value().length());
    }
}
