package io.cxtracker.domain.report;

import io.cxtracker.domain.audit.Checkpoint;
import io.cxtracker.domain.audit.CheckpointService;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Exports accountability reports and answers whether a file is one of them. Executives, auditors and
 * program admins may do both. Every report produced is recorded with its digests before the last byte
 * reaches the caller.
 */
@ApplicationScoped
@Transactional
public class ReportService {
    static final Role[] READERS = {Role.EXECUTIVE, Role.AUDITOR, Role.PROGRAM_ADMIN};

    private final ReportSource source;
    private final ReportDigestRepository digests;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CheckpointService checkpoints;
    private final ReportRenderers renderers;

    /** For the CDI proxy only. */
    protected ReportService() {
        this(null, null, null, null, null, null);
    }

    /**
     * Reports without a signed checkpoint in their header, rendered only into sinks the caller gives: for
     * tests of the report's content only.
     */
    public ReportService(ReportSource source, ReportDigestRepository digests, CurrentUser currentUser, Clock clock) {
        this(source, digests, currentUser, clock, null, null);
    }

    @Inject
    public ReportService(ReportSource source, ReportDigestRepository digests, CurrentUser currentUser, Clock clock,
            CheckpointService checkpoints, ReportRenderers renderers) {
        this.source = source;
        this.digests = digests;
        this.currentUser = currentUser;
        this.clock = clock;
        this.checkpoints = checkpoints;
        this.renderers = renderers;
    }

    /**
     * Checks the request and fixes what the report will say about itself, before anything is streamed.
     *
     * @param department a department code, or null for all
     * @param from first day, inclusive; default: a year before {@code to}
     * @param to last day, inclusive; default: today (UTC)
     * @throws NotFoundException when there is no such department
     */
    public ReportHeader prepare(String department, LocalDate from, LocalDate to, ReportFormat format) {
        Authority.requireAnyRole(currentUser, "export accountability reports", READERS);
        Objects.requireNonNull(format, "format");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Violations violations = new Violations();
        String code = department == null || department.isBlank() ? null : department.strip();
        violations.check(code == null || DepartmentCode.isValid(code), "department", "must be " + DepartmentCode.RULE);
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusYears(1).plusDays(1) : from;
        violations.check(!last.isBefore(first), "to", "must not be before 'from'");
        violations.throwIfAny();
        if (code != null && source.departments(code).isEmpty()) {
            throw new NotFoundException("department", code);
        }
        LocalDate asOf = last.isAfter(today) ? today : last;
        ReportPeriod period = new ReportPeriod(first, last, asOf.isBefore(first) ? first : asOf);
        // the chain's head, signed, before the report reads anything: every write the report shows is under it
        Checkpoint checkpoint = checkpoints == null ? null : checkpoints.forReport();
        return new ReportHeader(UUID.randomUUID(), ReportHeader.ACCOUNTABILITY_TITLE, format, clock.instant(),
                currentUser.name(), code, period, checkpoint);
    }

    /**
     * Streams the report into the sink, in one read transaction, and records its digests. Fails (and
     * records nothing) when the sink fails, for example because the caller went away.
     */
    public ReportDigest export(ReportHeader header, ReportSink sink) {
        Authority.requireAnyRole(currentUser, "export accountability reports", READERS);
        ProducedReport produced = AccountabilityReport.write(source, header, sink);
        ReportDigest digest = ReportDigest.of(header, produced);
        digests.add(digest);
        return digest;
    }

    /**
     * Renders the report in the header's format into the stream (which stays open) and records its
     * digests: what the REST export and the UI download both call.
     */
    public ReportDigest export(ReportHeader header, OutputStream out) {
        Objects.requireNonNull(renderers, "report renderers");
        try (ReportSink sink = renderers.open(header.format(), out)) {
            return export(header, sink);
        }
    }

    /** The report whose file has this SHA-256, if the server produced one. */
    public Optional<ReportDigest> verify(String fileSha256) {
        Authority.requireAnyRole(currentUser, "verify reports", READERS);
        if (!Sha256.isHex(fileSha256)) {
            throw new InvalidInputException("sha256", "must be 64 lower-case hex digits");
        }
        return digests.findByFileSha256(fileSha256);
    }

    public ReportDigest get(UUID reportId) {
        Authority.requireAnyRole(currentUser, "read report records", READERS);
        return digests.find(reportId).orElseThrow(() -> new NotFoundException("report", String.valueOf(reportId)));
    }
}
