package io.cxtracker.it.bench;

import io.cxtracker.it.support.HttpJson;

/** Benchmarks measure nothing before the server is ready: with the demo loading at start-up it is busy (readiness DOWN) until the demo is in. */
final class ServerReady {
    private ServerReady() {
    }

    static void await() throws InterruptedException {
        HttpJson management = new HttpJson(System.getProperty("cx.it.management.url", "http://127.0.0.1:10190"));
        for (int i = 0; i < 600; i++) {
            if (management.get("/health/ready").status() == 200) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the server did not become ready in 10 minutes");
    }
}
