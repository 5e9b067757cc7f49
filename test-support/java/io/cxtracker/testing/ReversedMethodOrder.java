package io.cxtracker.testing;

import java.util.Collections;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * JUnit's default method order, reversed: a test that passes only because another ran before it fails under this
 * order. Chosen for a run by {@code -Djunit.jupiter.testmethod.order.default=io.cxtracker.testing.ReversedMethodOrder}
 * ({@code ./cx test --reverse-order}). Compiled into every module's tests from test-support/java (the parent pom).
 */
public class ReversedMethodOrder implements MethodOrderer {
    @Override
    public void orderMethods(MethodOrdererContext context) {
        // JUnit hands the methods over in its default order; an orderer may only rearrange them in place
        Collections.reverse(context.getMethodDescriptors());
    }
}
