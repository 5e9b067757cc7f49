package io.cxtracker.persistence.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the run's {@link TestDatabase}: started by the first test that asks, closed (database
 * dropped) when the whole run ends. Tests share it, so each creates its own data with unique keys and
 * never counts rows it did not make.
 */
public class PostgresExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(PostgresExtension.class))
                .getOrComputeIfAbsent(TestDatabase.class, key -> TestDatabase.start(), TestDatabase.class);
    }
}
