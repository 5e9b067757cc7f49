package io.cxtracker.domain.milestone;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EvidenceLinkTest {

    @Test
    void evidenceIsAnAbsoluteWebLink() {
        assertEquals("https://bi.example.com/csat?q=1", new EvidenceLink("  https://bi.example.com/csat?q=1 ").url());
        assertEquals("http://intranet/report", new EvidenceLink("http://intranet/report").url());
        fields(() -> new EvidenceLink("javascript:alert(1)"), "url");
        fields(() -> new EvidenceLink("/relative/path"), "url");
        fields(() -> new EvidenceLink("https://exa mple.com"), "url");
        fields(() -> new EvidenceLink("https://example.com/" + "a".repeat(EvidenceLink.MAX_LENGTH)), "url");
    }
}
