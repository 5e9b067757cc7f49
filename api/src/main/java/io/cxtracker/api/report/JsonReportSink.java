package io.cxtracker.api.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.cxtracker.api.shared.JsonFactories;
import io.cxtracker.domain.report.ChangeLine;
import io.cxtracker.domain.report.MilestoneLine;
import io.cxtracker.domain.report.ProducedReport;
import io.cxtracker.domain.report.ReportDepartment;
import io.cxtracker.domain.report.ReportHeader;
import io.cxtracker.domain.report.ReportLine;
import io.cxtracker.domain.report.ReportSection;
import io.cxtracker.domain.report.ReportSink;
import io.cxtracker.domain.report.TargetLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The JSON export, written as it streams, compact (no whitespace between tokens), UTF-8:
 *
 * <pre>
 * {"report":{…},"departments":[{"code":…,"name":…,"milestones":[…],"targets":[…],"changes":[…]},…],"sha256":"&lt;hex&gt;"}
 * </pre>
 *
 * {@code sha256} is the last member and the document ends right after it: hex is the SHA-256 of every
 * byte before {@code ,"sha256":}, i.e. the whole file but its last 77 bytes ({@code ,"sha256":"} 11,
 * 64 hex digits, {@code "}} 2).
 */
final class JsonReportSink implements ReportSink {
    private static final JsonFactory FACTORY = JsonFactories.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final DigestingOutputStream file;
    private final JsonGenerator json;
    private boolean inDepartment;
    private boolean inSection;

    JsonReportSink(OutputStream out) {
        this.file = new DigestingOutputStream(out);
        try {
            this.json = FACTORY.createGenerator(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void begin(ReportHeader header) {
        io(() -> {
            json.writeStartObject();
            json.writeObjectFieldStart("report");
            json.writeStringField("title", header.title());
            json.writeStringField("id", header.reportId().toString());
            json.writeStringField("generatedAt", DateTimeFormatter.ISO_INSTANT.format(header.generatedAt()));
            json.writeStringField("generatedBy", header.generatedBy());
            json.writeStringField("scope", header.scope());
            json.writeStringField("from", header.period().from().toString());
            json.writeStringField("to", header.period().to().toString());
            json.writeStringField("asOf", header.period().asOf().toString());
            if (header.checkpoint() != null) {
                var c = header.checkpoint();
                json.writeObjectFieldStart("auditCheckpoint");
                json.writeNumberField("id", c.id());
                json.writeNumberField("seq", c.seq());
                json.writeStringField("hash", c.hash());
                json.writeStringField("signedAt", c.signedAtText());
                json.writeStringField("signature", c.signature());
                json.writeStringField("keyFingerprint", c.keyFingerprint());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeArrayFieldStart("departments");
        });
    }

    @Override
    public void department(ReportDepartment department) {
        io(() -> {
            endDepartment();
            json.writeStartObject();
            json.writeStringField("code", department.code());
            json.writeStringField("name", department.name());
            inDepartment = true;
        });
    }

    @Override
    public void section(ReportSection section) {
        io(() -> {
            endSection();
            json.writeArrayFieldStart(section.key());
            inSection = true;
        });
    }

    @Override
    public void line(ReportLine line) {
        io(() -> {
            switch (line) {
                case MilestoneLine m -> milestone(m);
                case TargetLine t -> target(t);
                case ChangeLine c -> change(c);
            }
        });
    }

    private void milestone(MilestoneLine m) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", m.id());
        json.writeStringField("title", m.title());
        json.writeStringField("initiative", m.initiative());
        json.writeStringField("ownerDepartment", m.ownerDepartment());
        json.writeStringField("ownerPerson", m.ownerPerson());
        date("due", m.due());
        date("done", m.done());
        json.writeStringField("timeliness", m.timeliness().label());
        json.writeStringField("status", m.status());
        json.writeStringField("overriddenBy", m.overriddenBy());
        json.writeStringField("overrideReason", m.overrideReason());
        json.writeArrayFieldStart("evidence");
        for (String link : m.evidence()) {
            json.writeString(link);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void target(TargetLine t) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", t.id());
        json.writeStringField("metric", t.metricKey());
        json.writeStringField("metricName", t.metricName());
        json.writeStringField("scope", t.scope());
        json.writeStringField("unit", t.unit());
        json.writeNumberField("baseline", t.baseline());
        json.writeNumberField("target", t.target());
        number("actual", t.actual());
        number("attainmentPercent", t.attainmentPercent());
        date("due", t.due());
        json.writeStringField("rag", t.rag());
        json.writeEndObject();
    }

    private void change(ChangeLine c) throws IOException {
        json.writeStartObject();
        json.writeNumberField("seq", c.seq());
        json.writeStringField("at", instant(c.at()));
        json.writeStringField("actor", c.actor());
        json.writeStringField("entityType", c.entityType());
        json.writeStringField("entityId", c.entityId());
        json.writeStringField("action", c.action());
        json.writeArrayFieldStart("changes");
        for (ChangeLine.FieldChange f : c.changes()) {
            json.writeStartObject();
            json.writeStringField("field", f.field());
            json.writeStringField("old", f.oldValue());
            json.writeStringField("new", f.newValue());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("requestId", c.requestId());
        json.writeEndObject();
    }

    @Override
    public ProducedReport finish() {
        String[] content = new String[1];
        io(() -> {
            endDepartment();
            json.writeEndArray();
            json.flush();
            content[0] = file.hexSoFar();
            json.writeStringField("sha256", content[0]);
            json.writeEndObject();
            json.flush();
        });
        return new ProducedReport(file.hexSoFar(), content[0], file.count());
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            // the caller is gone; nothing to release
        }
    }

    private void endSection() throws IOException {
        if (inSection) {
            json.writeEndArray();
            inSection = false;
        }
    }

    private void endDepartment() throws IOException {
        endSection();
        if (inDepartment) {
            json.writeEndObject();
            inDepartment = false;
        }
    }

    private void number(String field, Double value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value.doubleValue());
        }
    }

    private void date(String field, LocalDate day) throws IOException {
        json.writeStringField(field, day == null ? null : day.toString());
    }

    private static String instant(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void io(Io work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
