package io.cxtracker.api.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape checks of the binder (Bean Validation is left out here: no validator). */
class RecordBinderTest {
    enum Colour { RED, GREEN }

    record Inner(Long count, String name) implements JsonBody {
    }

    record Body(String title, Integer progress, Double weight, LocalDate due, Colour colour, List<String> links,
            Map<String, Colour> roles, Inner inner) implements JsonBody {
    }

    private final RecordBinder binder = new RecordBinder(null);

    private static JsonNode json(String text) throws IOException {
        return JsonBodyReader.tree(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> fields(String text) throws IOException {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> binder.bindBody(json(text), Body.class));
        return e.violations().stream().map(FieldViolation::field).toList();
    }

    @Test
    void aGoodBodyIsBound() throws IOException {
        Body body = binder.bindBody(json("""
                {"title":"t","progress":40,"weight":2.5,"due":"2026-06-30","colour":"GREEN","links":["a"],
                 "roles":{"support":"RED"},"inner":{"count":3,"name":"n"}}"""), Body.class);
        assertEquals(new Body("t", 40, 2.5, LocalDate.of(2026, 6, 30), Colour.GREEN, List.of("a"), Map.of("support", Colour.RED),
                new Inner(3L, "n")), body);
        assertEquals(new Body(null, null, null, null, null, null, null, null), binder.bindBody(json("{}"), Body.class));
    }

    @Test
    void everyBadFieldIsNamedNotOnlyTheFirst() throws IOException {
        assertEquals(List.of("budget", "title", "progress", "weight"), fields("""
                {"budget":1,"title":{"x":1},"progress":"40","weight":true}"""));
        assertEquals(List.of("due", "colour", "links[1]", "roles.support", "inner.extra", "inner.count"), fields("""
                {"due":"2026-13-01","colour":"PURPLE","links":["ok",7],"roles":{"support":"BLUE"},
                 "inner":{"count":1.5,"extra":null}}"""));
    }

    @Test
    void numbersMustFitTheirType() throws IOException {
        assertEquals(List.of("progress", "weight"), fields("{\"progress\":3000000000,\"weight\":1e400}"));
        assertEquals(List.of("progress"), fields("{\"progress\":2.5}"));
        assertEquals(List.of(), binder.bind(json("{\"progress\":2.0,\"inner\":{\"count\":9007199254740993}}"), Body.class, "")
                .violations());
    }

    @Test
    void textMustNotHoldNulCharacters() throws IOException {
        assertEquals(List.of("title"), fields("{\"title\":\"a\\u0000b\"}"));
    }

    @Test
    void loneSurrogatesAreRefusedWhereverTheTextIs() throws IOException {
        // U+D800 alone is half a character: PostgreSQL's driver would store it as "?"
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> binder.bindBody(json(
                "{\"title\":\"key-\\ud800\",\"links\":[\"ok\",\"\\udc00\"],\"inner\":{\"name\":\"\\ud83d\\ude00 fine\"}}"),
                Body.class));
        assertEquals(List.of(
                new FieldViolation("title", "holds a lone UTF-16 surrogate \\ud800 at character 5, which is not a character "
                        + "and cannot be stored; send valid Unicode text"),
                new FieldViolation("links[1]", "holds a lone UTF-16 surrogate \\udc00 at character 1, which is not a "
                        + "character and cannot be stored; send valid Unicode text")), e.violations());
        // in a key the parser itself refuses it: a 400 for malformed JSON
        assertThrows(JsonParseException.class, () -> json("{\"roles\":{\"\\ud800\":\"RED\"}}"));
        // a pair is one character and stays as sent
        assertEquals("\ud83d\ude00", binder.bindBody(json("{\"title\":\"\\ud83d\\ude00\"}"), Body.class).title());
    }

    @Test
    void theReaderRefusesAWholeBodyWithUnstorableTextNamingEveryPlace() throws IOException {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonBodyReader.requireStorableText(json(
                "[{\"idempotencyKey\":\"ok\"},{\"idempotencyKey\":\"\\ud800\",\"source\":\"x\\u0000\"},"
                        + "{\"statistics\":{\"note\":[\"fine\",\"\\udfff\"]}}]")));
        assertEquals(List.of(
                new FieldViolation("[1].idempotencyKey", "holds a lone UTF-16 surrogate \\ud800 at character 1, which is not "
                        + "a character and cannot be stored; send valid Unicode text"),
                new FieldViolation("[1].source", "must not contain NUL characters"),
                new FieldViolation("[2].statistics.note[1]", "holds a lone UTF-16 surrogate \\udfff at character 1, which is "
                        + "not a character and cannot be stored; send valid Unicode text")), e.violations());
        JsonBodyReader.requireStorableText(json("{\"comment\":\"\\ud83d\\ude00 paired is fine\",\"n\":[1,null,true]}"));
    }

    @Test
    void aSurrogateWrittenAsRawBytesIsNotStoredEither() {
        // ED A0 80 is U+D800 encoded as if it were a character (CESU-8), which UTF-8 forbids
        byte[] body = new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        try {
            JsonNode tree = JsonBodyReader.tree(new ByteArrayInputStream(body));
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> binder.bindBody(tree, Body.class));
            assertEquals(List.of("title"), e.violations().stream().map(FieldViolation::field).toList());
        } catch (IOException notJson) {
            assertTrue(notJson instanceof JsonParseException, notJson.toString());
        }
    }

    @Test
    void aBodyThatIsNotAnObjectIsNamedAsTheBody() throws IOException {
        assertEquals(List.of("body"), fields("[1,2]"));
        assertEquals(List.of("body"), fields("null"));
        assertEquals(List.of("body"), fields(""));
        assertEquals(List.of("body"), fields("\"text\""));
    }

    @Test
    void malformedJsonAndParserLimitsAreParseErrors() {
        assertThrows(JsonParseException.class, () -> json("{\"title\":"));
        assertThrows(JsonParseException.class, () -> json("{\"title\":\"a\",\"title\":\"b\"}"));
        assertThrows(JsonParseException.class, () -> json("{} {}"));
        assertThrows(JsonParseException.class, () -> json("{\"weight\":NaN}"));
        assertThrows(JsonParseException.class, () -> json("[".repeat(5000) + "]".repeat(5000)));
        assertThrows(JsonParseException.class, () -> json("{\"weight\":" + "9".repeat(2000) + "}"));
    }

    @Test
    void anItemOfABatchIsJudgedOnItsOwnWithItsPrefix() throws IOException {
        RecordBinder.Result<Inner> result = binder.bind(json("{\"count\":\"x\"}"), Inner.class, "items[3]");
        assertEquals(List.of("items[3].count"), result.violations().stream().map(FieldViolation::field).toList());
        assertTrue(binder.bind(json("{\"count\":1}"), Inner.class, "").isValid());
        assertEquals(List.of("item"), binder.bind(json("5"), Inner.class, "item").violations().stream()
                .map(FieldViolation::field).toList());
    }
}
