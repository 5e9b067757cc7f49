package io.cxtracker.api.shared;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.StorableText;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a JSON tree to a request record field by field and reports every bad field, never only the
 * first: unknown fields, wrong JSON types, whole numbers out of range, non-finite or out-of-range
 * decimals, unknown enum values, malformed dates, text PostgreSQL cannot store as sent (NUL characters, lone
 * UTF-16 surrogates such as U+D800: see {@link StorableText}). Then Bean Validation checks
 * the record; its violations join the list, except on fields already reported.
 *
 * <p>Supported field types: String, Integer, Long, Double, BigDecimal, Boolean, LocalDate, Instant,
 * enums, List, Map with String keys, and nested records. Anything else is a programming error, not a
 * client's.
 */
public final class RecordBinder {
    private final Validator validator;

    public RecordBinder(Validator validator) {
        this.validator = validator;
    }

    /** A bound record, or null with the reasons it could not be. */
    public record Result<R>(R value, List<FieldViolation> violations) {
        public boolean isValid() {
            return violations.isEmpty();
        }
    }

    /**
     * Binds and validates a whole request body.
     *
     * @throws InvalidInputException naming every bad field
     */
    public <R> R bindBody(JsonNode body, Class<R> type) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        Result<R> result = bind(body, type, "");
        if (!result.isValid()) {
            throw new InvalidInputException(result.violations());
        }
        return result.value();
    }

    /** Binds and validates one JSON value (e.g. one item of a batch); field names start with {@code prefix}. */
    public <R> Result<R> bind(JsonNode node, Class<R> type, String prefix) {
        List<FieldViolation> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            errors.add(new FieldViolation(prefix.isEmpty() ? "body" : prefix, "must be a JSON object"));
            return new Result<>(null, errors);
        }
        @SuppressWarnings("unchecked")
        R value = (R) convert(node, type, prefix, errors);
        if (value != null && validator != null) {
            Set<String> reported = new LinkedHashSet<>();
            errors.forEach(e -> reported.add(e.field()));
            List<FieldViolation> constraints = new ArrayList<>();
            for (ConstraintViolation<R> violation : validator.validate(value)) {
                String field = join(prefix, fieldOf(violation));
                if (!reported.contains(field)) {
                    constraints.add(new FieldViolation(field, violation.getMessage()));
                }
            }
            constraints.sort((a, b) -> a.field().equals(b.field()) ? a.message().compareTo(b.message()) : a.field().compareTo(b.field()));
            errors.addAll(constraints);
        }
        return errors.isEmpty() ? new Result<>(value, List.of()) : new Result<>(null, List.copyOf(errors));
    }

    private Object convert(JsonNode node, Type type, String path, List<FieldViolation> errors) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        Class<?> raw = rawType(type);
        if (raw == String.class) {
            if (!node.isTextual()) {
                return wrong(errors, path, "must be a string", node);
            }
            String text = node.textValue();
            String defect = StorableText.defect(text);
            if (defect != null) {
                return wrong(errors, path, defect, null);
            }
            return text;
        }
        if (raw == Integer.class || raw == int.class) {
            return whole(node, path, errors, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE))
                    instanceof BigInteger b ? b.intValue() : null;
        }
        if (raw == Long.class || raw == long.class) {
            return whole(node, path, errors, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE))
                    instanceof BigInteger b ? b.longValue() : null;
        }
        if (raw == Double.class || raw == double.class) {
            if (!node.isNumber()) {
                return wrong(errors, path, "must be a number", node);
            }
            double value = node.isBigDecimal() ? node.decimalValue().doubleValue() : node.doubleValue();
            if (!Double.isFinite(value)) {
                return wrong(errors, path, "is out of range for a number", null);
            }
            return value;
        }
        if (raw == BigDecimal.class) {
            return node.isNumber() ? node.decimalValue() : wrong(errors, path, "must be a number", node);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return node.isBoolean() ? node.booleanValue() : wrong(errors, path, "must be true or false", node);
        }
        if (raw == LocalDate.class) {
            if (!node.isTextual()) {
                return wrong(errors, path, "must be a date as a string like 2026-04-01", node);
            }
            try {
                return LocalDate.parse(node.textValue());
            } catch (DateTimeParseException e) {
                return wrong(errors, path, "must be a date like 2026-04-01 (ISO-8601)", null);
            }
        }
        if (raw == Instant.class) {
            if (!node.isTextual()) {
                return wrong(errors, path, "must be an instant as a string like 2026-04-01T09:30:00Z", node);
            }
            try {
                return Instant.parse(node.textValue());
            } catch (DateTimeParseException e) {
                return wrong(errors, path, "must be an instant like 2026-04-01T09:30:00Z (ISO-8601)", null);
            }
        }
        if (raw.isEnum()) {
            List<String> names = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            if (!node.isTextual() || !names.contains(node.textValue())) {
                return wrong(errors, path, "must be one of " + names, null);
            }
            return enumConstant(raw, node.textValue());
        }
        if (raw == List.class) {
            if (!node.isArray()) {
                return wrong(errors, path, "must be an array", node);
            }
            Type element = typeArgument(type, 0);
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(convert(node.get(i), element, path + "[" + i + "]", errors));
            }
            return list;
        }
        if (raw == Map.class) {
            if (!node.isObject()) {
                return wrong(errors, path, "must be an object", node);
            }
            Type value = typeArgument(type, 1);
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String keyDefect = StorableText.defect(entry.getKey());
                if (keyDefect != null) {
                    wrong(errors, path, "has a key that " + keyDefect, null);
                    continue;
                }
                map.put(entry.getKey(), convert(entry.getValue(), value, join(path, entry.getKey()), errors));
            }
            return map;
        }
        if (raw.isRecord()) {
            if (!node.isObject()) {
                return wrong(errors, path, "must be an object", node);
            }
            return record(node, raw, path, errors);
        }
        throw new IllegalStateException("RecordBinder cannot bind " + type + " (field " + path + ")");
    }

    private Object record(JsonNode node, Class<?> type, String path, List<FieldViolation> errors) {
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = new LinkedHashSet<>();
        for (RecordComponent component : components) {
            known.add(component.getName());
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldViolation(join(path, name), "is not a known field; the known ones are " + known));
            }
        }
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            Object value = convert(node.get(component.getName()), component.getGenericType(), join(path, component.getName()), errors);
            if (value == null && component.getType().isPrimitive()) {
                errors.add(new FieldViolation(join(path, component.getName()), "must be given"));
                value = component.getType() == boolean.class ? false : 0;
            }
            arguments[i] = value;
        }
        // Built even when a field was bad (it is null then), so Bean Validation still sees the other fields.
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidInputException invalid) {
                invalid.violations().forEach(v -> errors.add(new FieldViolation(join(path, v.field()), v.message())));
                return null;
            }
            throw new IllegalStateException("cannot create " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    /** A whole number within [min, max] as a BigInteger, or null after reporting why not. */
    private static Object whole(JsonNode node, String path, List<FieldViolation> errors, BigInteger min, BigInteger max) {
        if (!node.isNumber()) {
            return wrong(errors, path, "must be a whole number", node);
        }
        BigInteger value;
        if (node.isIntegralNumber()) {
            value = node.bigIntegerValue();
        } else {
            BigDecimal decimal = node.decimalValue();
            if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
                return wrong(errors, path, "must be a whole number", null);
            }
            try {
                value = decimal.toBigIntegerExact();
            } catch (ArithmeticException e) {
                return wrong(errors, path, "must be a whole number", null);
            }
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return wrong(errors, path, "must be a whole number between " + min + " and " + max, null);
        }
        return value;
    }

    private static Object wrong(List<FieldViolation> errors, String path, String message, JsonNode given) {
        String field = path.isEmpty() ? "body" : path;
        errors.add(new FieldViolation(field, given == null ? message : message + ", not " + describe(given)));
        return null;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("RecordBinder cannot bind " + type);
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw new IllegalStateException("RecordBinder needs the element type of " + type);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The violated field as the client wrote it: {@code phases[0].name}. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.BEAN) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('.').append(node.getKey());
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
