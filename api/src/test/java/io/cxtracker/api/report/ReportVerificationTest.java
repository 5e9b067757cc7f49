package io.cxtracker.api.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.report.ReportDigest;
import io.cxtracker.domain.report.ReportDigestRepository;
import io.cxtracker.domain.report.ReportFormat;
import io.cxtracker.domain.report.ReportHeader;
import io.cxtracker.domain.report.ReportService;
import io.cxtracker.domain.report.ReportSink;
import io.cxtracker.domain.report.Sha256;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.InvalidInputException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An auditor exports in each format, keeps the file, and later asks whether a copy is the one the server made. */
class ReportVerificationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T08:30:00Z"), ZoneOffset.UTC);

    private final List<ReportDigest> stored = new ArrayList<>();
    private final ReportDigestRepository digests = new ReportDigestRepository() {
        @Override
        public void add(ReportDigest digest) {
            stored.add(digest);
        }

        @Override
        public Optional<ReportDigest> findByFileSha256(String sha256) {
            return stored.stream().filter(d -> d.fileSha256().equals(sha256)).findFirst();
        }

        @Override
        public Optional<ReportDigest> find(UUID reportId) {
            return stored.stream().filter(d -> d.reportId().equals(reportId)).findFirst();
        }
    };

    @Test
    void anUntouchedFileMatchesItsReportAndAnAlteredOneDoesNot() {
        ReportService service = new ReportService(ReportFixtures.source(30), digests, user("audrey", Role.AUDITOR), CLOCK);
        ReportResource resource = resource(service);
        for (ReportFormat format : ReportFormat.values()) {
            ReportHeader header = service.prepare("support", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), format);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ReportSink sink = new ReportSinks().open(format, out)) {
                service.export(header, sink);
            }
            byte[] file = out.toByteArray();

            ReportVerificationResponse yes = resource.verifyBody(new ByteArrayInputStream(file));
            assertTrue(yes.matches(), format.name());
            assertEquals(header.reportId(), yes.reportId());
            assertEquals(format.extension(), yes.format());
            assertEquals("audrey", yes.generatedBy());
            assertEquals(CLOCK.instant(), yes.generatedAt());
            assertEquals("support", yes.department());

            byte[] altered = file.clone();
            altered[altered.length / 2] ^= 0x01;
            ReportVerificationResponse no = resource.verifyBody(new ByteArrayInputStream(altered));
            assertFalse(no.matches(), format.name());
            assertNull(no.reportId());

            byte[] truncated = java.util.Arrays.copyOf(file, file.length - 1);
            assertFalse(resource.verifyBody(new ByteArrayInputStream(truncated)).matches(), format.name());
            assertEquals(header.reportId(), resource.get(header.reportId().toString()).reportId());
        }
        assertEquals(4, stored.size());
        assertThrows(InvalidInputException.class, () -> resource.verifyBody(new ByteArrayInputStream(new byte[0])));
        assertThrows(InvalidInputException.class, () -> resource.get("not-a-uuid"));
    }

    @Test
    void theServiceRendersThroughItsRenderersIntoAStreamAndRecordsTheDigestOfExactlyThoseBytes() throws Exception {
        // what the UI download and the REST export both call: no sink in the caller's hands
        ReportService service = new ReportService(ReportFixtures.source(3), digests, user("audrey", Role.AUDITOR), CLOCK, null,
                new ReportSinks());
        ReportHeader header = service.prepare("support", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), ReportFormat.CSV);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportDigest digest = service.export(header, out);
        byte[] file = out.toByteArray();
        assertEquals(Sha256.hex(java.security.MessageDigest.getInstance("SHA-256").digest(file)), digest.fileSha256());
        assertEquals(file.length, digest.bytes());
        assertEquals(List.of(digest), stored);
        assertEquals("accountability-support-2026-01-01-2026-03-31-" + header.reportId() + ".csv", header.fileName());
    }

    @Test
    void aServiceWithoutRenderersRefusesToExportToAStream() {
        ReportService service = new ReportService(ReportFixtures.source(0), digests, user("audrey", Role.AUDITOR), CLOCK);
        ReportHeader header = service.prepare(null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), ReportFormat.PDF);
        NullPointerException refused = assertThrows(NullPointerException.class,
                () -> service.export(header, new ByteArrayOutputStream()));
        assertEquals("report renderers", refused.getMessage());
        assertEquals(List.of(), stored);
    }

    @Test
    void onlyReadersOfTheAuditTrailMayVerify() {
        ReportService service = new ReportService(ReportFixtures.source(0), digests, user("lee", Role.DEPARTMENT_LEAD), CLOCK);
        assertThrows(AccessDeniedException.class, () -> resource(service).verifyBody(new ByteArrayInputStream(new byte[] {1})));
    }

    @Test
    void theFormatParameterWinsElseTheFirstAcceptableTypeElseJson() {
        List<MediaType> browser = List.of(MediaType.TEXT_HTML_TYPE, new MediaType("application", "xhtml+xml"), MediaType.WILDCARD_TYPE);
        assertEquals(ReportFormat.PDF, ReportResource.chooseFormat("PDF", browser));
        assertEquals(ReportFormat.JSON, ReportResource.chooseFormat(null, browser));
        assertEquals(ReportFormat.CSV, ReportResource.chooseFormat(" ", List.of(new MediaType("text", "csv"), MediaType.APPLICATION_JSON_TYPE)));
        assertEquals(ReportFormat.XLSX, ReportResource.chooseFormat(null,
                List.of(new MediaType("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"))));
        assertEquals(ReportFormat.CSV, ReportResource.chooseFormat(null, List.of(new MediaType("text", "*"))));
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> ReportResource.chooseFormat("docx", browser));
        assertEquals("format", bad.violations().get(0).field());
    }

    private static ReportResource resource(ReportService service) {
        ReportResource resource = new ReportResource();
        resource.reports = service;
        return resource;
    }

    private static CurrentUser user(String name, Role role) {
        return new CurrentUser() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<Role> roles() {
                return Set.of(role);
            }

            @Override
            public Set<DepartmentCode> departments() {
                return Set.of();
            }
        };
    }
}
