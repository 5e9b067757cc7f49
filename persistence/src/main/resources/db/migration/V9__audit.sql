-- Audit trail and report digests (issue 8). Numbered high on purpose: renumbered when merged.
--
-- audit_record is append-only and hash-chained. The database, not the application, assigns each record
-- its sequence number, its time and its hashes, under one advisory lock, so appends from any number of
-- nodes and threads form one chain:
--   prev_hash = the hash of the record with the next-lower seq, or 64 zeros for the first record;
--   hash      = sha256 of the UTF-8 text of the JSON array
--               [seq, at, actor, entity_type, entity_id, department_code, action, old_value, new_value,
--                request_id, prev_hash]
--               where at is written 'YYYY-MM-DDTHH:MI:SS.ffffffZ' in UTC (to_char, independent of the
--               session's TimeZone and DateStyle) and the whole array is rendered by jsonb's text output,
--               which is canonical (keys of old_value/new_value sorted, fixed spacing and escaping).

CREATE SEQUENCE audit_record_seq AS BIGINT;

CREATE TABLE audit_record (
    seq             BIGINT       PRIMARY KEY,
    at              TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    entity_type     VARCHAR(40)  NOT NULL,
    entity_id       VARCHAR(100) NOT NULL,
    department_code VARCHAR(40),
    action          VARCHAR(40)  NOT NULL,
    old_value       JSONB        NOT NULL DEFAULT '{}',
    new_value       JSONB        NOT NULL DEFAULT '{}',
    request_id      VARCHAR(100),
    prev_hash       TEXT         NOT NULL,
    hash            TEXT         NOT NULL,
    CONSTRAINT audit_record_entity_type_slug CHECK (entity_type ~ '^[a-z][a-z0-9-]{0,39}$'),
    CONSTRAINT audit_record_action_slug CHECK (action ~ '^[a-z][a-z0-9-]{0,39}$'),
    CONSTRAINT audit_record_actor_not_blank CHECK (btrim(actor) <> ''),
    CONSTRAINT audit_record_old_is_object CHECK (jsonb_typeof(old_value) = 'object'),
    CONSTRAINT audit_record_new_is_object CHECK (jsonb_typeof(new_value) = 'object'),
    CONSTRAINT audit_record_prev_hash_hex CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT audit_record_hash_hex CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_record_entity_idx ON audit_record (entity_type, entity_id, seq);
CREATE INDEX audit_record_actor_idx ON audit_record (actor, seq);
CREATE INDEX audit_record_at_idx ON audit_record (at);
CREATE INDEX audit_record_department_idx ON audit_record (department_code, at);

-- The one definition of a record's hash, used by the insert trigger and by verification.
CREATE FUNCTION audit_record_hash(p_seq BIGINT, p_at TIMESTAMPTZ, p_actor TEXT, p_entity_type TEXT, p_entity_id TEXT,
                                  p_department_code TEXT, p_action TEXT, p_old JSONB, p_new JSONB, p_request_id TEXT,
                                  p_prev_hash TEXT)
    RETURNS TEXT LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
               p_seq,
               to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               p_actor, p_entity_type, p_entity_id, p_department_code, p_action, p_old, p_new, p_request_id,
               p_prev_hash)::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_record_genesis_hash() RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT repeat('0', 64)
$$;

CREATE FUNCTION audit_record_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous TEXT;
BEGIN
    -- Under REPEATABLE READ or SERIALIZABLE the transaction's snapshot may predate the last append, and the
    -- chain would fork; refuse rather than write a broken link.
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit records are appended under READ COMMITTED only, not %',
            current_setting('transaction_isolation') USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    -- One appender at a time until its transaction ends; the next one then sees its record.
    PERFORM pg_advisory_xact_lock(7245938205176631041);
    SELECT r.hash INTO previous FROM audit_record r ORDER BY r.seq DESC LIMIT 1;
    NEW.seq := nextval('audit_record_seq');
    NEW.at := clock_timestamp();
    NEW.old_value := coalesce(NEW.old_value, '{}');
    NEW.new_value := coalesce(NEW.new_value, '{}');
    NEW.prev_hash := coalesce(previous, audit_record_genesis_hash());
    NEW.hash := audit_record_hash(NEW.seq, NEW.at, NEW.actor, NEW.entity_type, NEW.entity_id, NEW.department_code,
                                  NEW.action, NEW.old_value, NEW.new_value, NEW.request_id, NEW.prev_hash);
    RETURN NEW;
END
$$;

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_record_append BEFORE INSERT ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_append();
CREATE TRIGGER audit_record_no_update BEFORE UPDATE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_record_no_delete BEFORE DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- Every report the server produced: a copy whose SHA-256 equals file_sha256 is that report, byte for byte.
CREATE TABLE report_digest (
    report_id       UUID         PRIMARY KEY,
    format          VARCHAR(8)   NOT NULL,
    file_sha256     TEXT         NOT NULL,
    embedded_sha256 TEXT         NOT NULL,
    byte_count      BIGINT       NOT NULL,
    generated_at    TIMESTAMPTZ  NOT NULL,
    generated_by    VARCHAR(200) NOT NULL,
    department_code VARCHAR(40),
    period_from     DATE         NOT NULL,
    period_to       DATE         NOT NULL,
    as_of           DATE         NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT report_digest_format CHECK (format IN ('csv', 'xlsx', 'pdf', 'json')),
    CONSTRAINT report_digest_file_hex CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT report_digest_embedded_hex CHECK (embedded_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT report_digest_bytes CHECK (byte_count > 0),
    CONSTRAINT report_digest_period CHECK (period_from <= period_to)
);
CREATE INDEX report_digest_file_idx ON report_digest (file_sha256, generated_at);

CREATE TRIGGER report_digest_no_update BEFORE UPDATE ON report_digest
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER report_digest_no_delete BEFORE DELETE ON report_digest
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER report_digest_no_truncate BEFORE TRUNCATE ON report_digest
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
