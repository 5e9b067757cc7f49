package io.cxtracker.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.vaadin.flow.server.PWA;
import org.junit.jupiter.api.Test;

class AppShellTest {

    @Test
    void thePageRegistersNoServiceWorker() {
        assertFalse(AppShell.class.isAnnotationPresent(PWA.class),
                "@PWA registers a service worker that fetches the whole bundle again during the first visit's first paint");
    }
}
