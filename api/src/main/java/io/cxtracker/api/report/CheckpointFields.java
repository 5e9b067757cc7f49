package io.cxtracker.api.report;

import io.cxtracker.domain.audit.Checkpoint;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * The signed audit checkpoint a report was made under, as every format writes it: enough to verify the
 * signature by hand (seq, hash and signed-at rebuild the signed text) and to ask the server whether the
 * current audit chain still contains that head (POST /api/audit/checkpoints/verify).
 */
final class CheckpointFields {
    private CheckpointFields() {
    }

    /** Field name to text, in the order reports print them; empty when the report has no checkpoint. */
    static SequencedMap<String, String> of(Checkpoint c) {
        SequencedMap<String, String> fields = new LinkedHashMap<>();
        if (c != null) {
            fields.put("audit-checkpoint-id", String.valueOf(c.id()));
            fields.put("audit-checkpoint-seq", String.valueOf(c.seq()));
            fields.put("audit-checkpoint-hash", c.hash());
            fields.put("audit-checkpoint-signed-at", c.signedAtText());
            fields.put("audit-checkpoint-signature", c.signature());
            fields.put("audit-checkpoint-key", c.keyFingerprint());
        }
        return fields;
    }
}
