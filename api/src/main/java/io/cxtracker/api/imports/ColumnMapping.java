package io.cxtracker.api.imports;

import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Violations;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which column of a file holds which import field, read from the query: {@code map.<field>=<column header>}
 * names a column, {@code value.<field>=<text>} gives a field one value for every row (e.g.
 * {@code value.metricKey=fdr}); a field neither mapped nor given is read from the column with its own name
 * (case, spaces, dashes and underscores ignored), if the file has one.
 */
final class ColumnMapping {
    static final String MAP = "map.";
    static final String VALUE = "value.";

    private final Map<String, String> columns;
    private final Map<String, String> constants;

    private ColumnMapping(Map<String, String> columns, Map<String, String> constants) {
        this.columns = columns;
        this.constants = constants;
    }

    /** Every field from the column with its own name: what a file uploaded without parameters gets. */
    static ColumnMapping byName() {
        return new ColumnMapping(Map.of(), Map.of());
    }

    /**
     * @param fields the import's fields
     * @param otherParameters the other query parameters the endpoint understands
     * @throws InvalidInputException naming every unknown parameter or field
     */
    static ColumnMapping from(MultivaluedMap<String, String> query, List<String> fields, Set<String> otherParameters) {
        Violations violations = new Violations();
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, String> constants = new LinkedHashMap<>();
        new TreeMap<>(query).forEach((name, values) -> {
            if (otherParameters.contains(name)) {
                return;
            }
            boolean isMap = name.startsWith(MAP);
            boolean isValue = name.startsWith(VALUE);
            String field = isMap ? name.substring(MAP.length()) : isValue ? name.substring(VALUE.length()) : null;
            if (field == null) {
                violations.add(name, "is not a parameter of this import: use map.<field>=<column>, value.<field>=<text> or "
                        + otherParameters);
            } else if (!fields.contains(field)) {
                violations.add(name, "names no field of this import; its fields are " + fields);
            } else if (values.size() != 1) {
                violations.add(name, "must be given once");
            } else if (columns.containsKey(field) || constants.containsKey(field)) {
                violations.add(name, "the field " + field + " is already mapped");
            } else if (isMap) {
                columns.put(field, values.get(0));
            } else {
                constants.put(field, values.get(0));
            }
        });
        violations.throwIfAny();
        return new ColumnMapping(columns, constants);
    }

    /** The header each field is read from in a file with these headers; a mapped header the file lacks is refused. */
    Map<String, String> resolve(List<String> headers, List<String> fields) {
        Violations violations = new Violations();
        Map<String, String> resolved = new LinkedHashMap<>();
        for (String field : fields) {
            if (constants.containsKey(field)) {
                continue;
            }
            String wanted = columns.get(field);
            if (wanted != null) {
                if (headers.contains(wanted)) {
                    resolved.put(field, wanted);
                } else {
                    violations.add(MAP + field, "the file has no column '" + wanted + "'; its columns are " + headers);
                }
                continue;
            }
            headers.stream().filter(h -> normal(h).equals(normal(field))).findFirst().ifPresent(h -> resolved.put(field, h));
        }
        violations.throwIfAny();
        return resolved;
    }

    Map<String, String> constants() {
        return constants;
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
    }
}
