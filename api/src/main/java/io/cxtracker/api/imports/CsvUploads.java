package io.cxtracker.api.imports;

import io.cxtracker.domain.imports.CsvFiles;
import io.cxtracker.domain.imports.RowSource;
import io.cxtracker.domain.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Files uploaded in the browser, read by {@link CsvRows} as the API reads a CSV body without mapping parameters. */
@ApplicationScoped
public class CsvUploads implements CsvFiles {
    static final String FILE = "file";

    @Override
    public RowSource read(InputStream file, List<String> fields, List<String> required) {
        CsvRows rows;
        try {
            rows = CsvRows.open(file, StandardCharsets.UTF_8, ',', ColumnMapping.byName(), fields, FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> missing = required.stream().filter(f -> rows.columnOf(f) == null).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(FILE, "needs columns named " + String.join(", ", missing) + "; its columns are "
                    + rows.headers());
        }
        return rows;
    }
}
