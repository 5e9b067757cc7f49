package io.cxtracker.api.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.StorableText;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link JsonBody} records and raw {@link JsonNode} bodies: the JSON is parsed into a tree by the
 * strict mapper (duplicate keys, trailing tokens and parser limits such as nesting depth refused; decimals
 * kept exact so that 1e400 is "out of range", not infinity), then {@link RecordBinder} binds the record and
 * reports every bad field in one {@link io.cxtracker.domain.shared.InvalidInputException}.
 * Any other type is left to {@link JsonProvider}.
 */
@Provider
@Priority(Priorities.USER - 100)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodyReader implements MessageBodyReader<Object> {

    private static final ObjectReader TREE = JsonProvider.MAPPER.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private volatile RecordBinder binder;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonNode.class || (type.isRecord() && JsonBody.class.isAssignableFrom(type));
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        JsonNode tree = tree(entityStream);
        requireStorableText(tree);
        if (JsonNode.class.equals(type)) {
            return tree;
        }
        return binder().bindBody(tree, type);
    }

    /**
     * The body as a JSON tree (a missing node when it is empty).
     *
     * @throws JsonParseException for anything that is not one JSON value within the parser's limits
     */
    public static JsonNode tree(InputStream body) throws IOException {
        try {
            return TREE.readTree(body);
        } catch (JsonParseException e) {
            throw e;
        } catch (JsonProcessingException e) {
            // parser limits (nesting depth, number or string length) and trailing tokens: the body is not one
            // acceptable JSON value, whatever the subtype says
            throw new JsonParseException(null, e.getOriginalMessage(), e.getLocation());
        }
    }

    /**
     * Refuses the whole body, naming every place, when any text in it is something PostgreSQL cannot store as sent
     * (a lone UTF-16 surrogate such as U+D800, a NUL character). Such text is broken at the level of
     * characters, like malformed JSON, so it is a 400 for the body, also for a bulk body whose other items are fine:
     * a client must learn that its encoder is broken, not find one item quietly missing.
     *
     * @throws InvalidInputException naming each field, e.g. {@code [3].idempotencyKey}
     */
    public static void requireStorableText(JsonNode tree) {
        List<FieldViolation> violations = new ArrayList<>();
        collectUnstorable(tree, "", violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static void collectUnstorable(JsonNode node, String path, List<FieldViolation> violations) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String defect = StorableText.defect(node.textValue());
            if (defect != null) {
                violations.add(new FieldViolation(path.isEmpty() ? "body" : path, defect));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUnstorable(node.get(i), path + "[" + i + "]", violations);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                String at = path.isEmpty() ? name : path + "." + name;
                String defect = StorableText.defect(name);
                if (defect != null) {
                    violations.add(new FieldViolation(path.isEmpty() ? "body" : path, "has a field name that " + defect));
                } else {
                    collectUnstorable(field.getValue(), at, violations);
                }
            }
        }
    }

    private RecordBinder binder() {
        RecordBinder current = binder;
        if (current == null) {
            current = new RecordBinder(validator());
            binder = current;
        }
        return current;
    }

    private static Validator validator() {
        try {
            return CDI.current().select(Validator.class).get();
        } catch (RuntimeException noContainer) {
            return Validation.buildDefaultValidatorFactory().getValidator();
        }
    }

    /** The binder with the container's validator, for resources that bind items themselves (bulk bodies). */
    public static RecordBinder standaloneBinder() {
        return new RecordBinder(validator());
    }
}
