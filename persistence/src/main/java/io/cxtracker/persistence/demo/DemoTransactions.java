package io.cxtracker.persistence.demo;

import io.cxtracker.demo.DemoServices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** Each unit of the demo load in a transaction of its own, committed when it returns. */
@ApplicationScoped
public class DemoTransactions implements DemoServices.Transactions {

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
