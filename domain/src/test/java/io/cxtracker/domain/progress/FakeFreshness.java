package io.cxtracker.domain.progress;

import java.util.ArrayList;
import java.util.List;

/**
 * A database in miniature for the read cache: every committed change moves a version on, a snapshot names the
 * version it sees, and a snapshot is still good while no change came after it. A writing reader gets no snapshot.
 */
final class FakeFreshness implements ReadFreshness {
    private int version;
    boolean writing;
    final List<String> asked = new ArrayList<>();

    /** A transaction that wrote a dashboard's input commits. */
    void commitChange() {
        version++;
    }

    @Override
    public Check check(String since) {
        asked.add(since);
        if (writing) {
            return new Check(null, false);
        }
        String now = "v" + version;
        return new Check(now, since != null && since.equals(now));
    }
}
