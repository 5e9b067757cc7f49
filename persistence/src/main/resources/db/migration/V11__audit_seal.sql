-- Audit records are appended UNSEALED; a sealer links them into the chain afterwards (issue 13, item 4).
--
-- Until now (V9) every append took one transaction-long advisory lock to read the chain head, so a
-- 100,000-row import held it for its whole transaction and every other write waited. Now:
--   * a writer inserts its audit_record in its own transaction, with no global lock: the trigger only
--     numbers it (audit_record.seq, the record's id), stamps its time and notes the writer's transaction id;
--   * the sealer (audit_seal_pending, run every second or so by every node, one at a time holding the lock,
--     and on demand before a verification or a report) takes a short transaction-scoped advisory lock,
--     reads the chain head and appends one audit_seal row per committed, unsealed record, in record-id
--     order of what is committed (a record committed late is sealed after the ones already sealed);
--   * audit_seal is append-only like audit_record: the application's runtime role may only SELECT and
--     INSERT on both, so sealing never updates a record.
--
-- The chain is audit_seal ordered by seq (gaps allowed, from V9's sequence):
--   prev_hash = the hash of the seal with the next-lower seq, or 64 zeros for the first;
--   hash      = audit_seal_hash(...) below, the ONE definition of a link's hash:
--     version 1 (records sealed by V9's trigger, migrated here with their seq, prev_hash and hash unchanged):
--       sha256 of [seq, at, actor, entity_type, entity_id, department_code, action, old_value, new_value,
--                  request_id, prev_hash]                        (audit_record_hash, V9; seq = record_seq)
--     version 2 (every record sealed since):
--       sha256 of [seq, record_seq, at, actor, entity_type, entity_id, department_code, action, old_value,
--                  new_value, request_id, prev_hash]
--   both rendered by jsonb's canonical text output, at written 'YYYY-MM-DDTHH:MI:SS.ffffffZ' in UTC.

CREATE TABLE audit_seal (
    seq          BIGINT      PRIMARY KEY,
    record_seq   BIGINT      NOT NULL UNIQUE REFERENCES audit_record (seq),
    hash_version SMALLINT    NOT NULL,
    prev_hash    TEXT        NOT NULL,
    hash         TEXT        NOT NULL,
    sealed_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    -- every record written by a transaction older than this was sealed by the round that wrote this link, or
    -- its transaction rolled back: the next round looks only at newer writers (NULL: at every writer)
    horizon      xid8,
    CONSTRAINT audit_seal_version CHECK (hash_version IN (1, 2)),
    CONSTRAINT audit_seal_v1_in_place CHECK (hash_version = 2 OR seq = record_seq),
    CONSTRAINT audit_seal_positive CHECK (seq > 0),
    CONSTRAINT audit_seal_prev_hash_hex CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT audit_seal_hash_hex CHECK (hash ~ '^[0-9a-f]{64}$')
);

CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The records V9 sealed keep their place and their hashes: they verify exactly as before.
INSERT INTO audit_seal (seq, record_seq, hash_version, prev_hash, hash, sealed_at)
SELECT r.seq, r.seq, 1, r.prev_hash, r.hash, r.at FROM audit_record r ORDER BY r.seq;

-- The hash of one link of the chain; verification and the sealer both call it, nothing else computes one.
CREATE FUNCTION audit_seal_hash(p_version SMALLINT, p_seq BIGINT, p_record_seq BIGINT, p_at TIMESTAMPTZ, p_actor TEXT,
                                p_entity_type TEXT, p_entity_id TEXT, p_department_code TEXT, p_action TEXT,
                                p_old JSONB, p_new JSONB, p_request_id TEXT, p_prev_hash TEXT)
    RETURNS TEXT LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
        -- V9 hashed the record's own number, which was its place in the chain
        WHEN p_version = 1 AND p_seq = p_record_seq THEN
            audit_record_hash(p_seq, p_at, p_actor, p_entity_type, p_entity_id, p_department_code, p_action, p_old,
                              p_new, p_request_id, p_prev_hash)
        WHEN p_version = 2 THEN
            encode(sha256(convert_to(jsonb_build_array(
                p_seq, p_record_seq,
                to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                p_actor, p_entity_type, p_entity_id, p_department_code, p_action, p_old, p_new, p_request_id,
                p_prev_hash)::text, 'UTF8')), 'hex')
    END
$$;

-- Appending no longer waits for anyone: number the record, stamp its time, nothing else.
DROP TRIGGER audit_record_append ON audit_record;
DROP FUNCTION audit_record_append();
ALTER TABLE audit_record DROP COLUMN prev_hash, DROP COLUMN hash;

-- The writer's transaction id, so that the sealer need not look at records of transactions long finished.
ALTER TABLE audit_record ADD COLUMN writer_xid xid8;
CREATE INDEX audit_record_writer_xid_idx ON audit_record (writer_xid);

CREATE FUNCTION audit_record_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.seq := nextval('audit_record_seq');
    NEW.at := clock_timestamp();
    NEW.writer_xid := pg_current_xact_id();
    NEW.old_value := coalesce(NEW.old_value, '{}');
    NEW.new_value := coalesce(NEW.new_value, '{}');
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_record_number BEFORE INSERT ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_number();

-- Seals up to p_limit committed, unsealed records and returns how many, or -1 when another session is
-- sealing right now (its transaction holds the lock; the caller simply tries again later). Safe to call
-- from any number of nodes: the lock is transaction-scoped, so the head read below is the committed one.
CREATE FUNCTION audit_seal_pending(p_limit INTEGER) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    head_seq     BIGINT;
    head_hash    TEXT;
    last_horizon xid8;
    now_horizon  xid8;
    round_horizon xid8;
    candidates   BIGINT[];
    next_hash    TEXT;
    sealed       INTEGER := 0;
    r            RECORD;
BEGIN
    -- Under REPEATABLE READ or SERIALIZABLE the snapshot may predate the last seal and the chain would fork.
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit records are sealed under READ COMMITTED only, not %',
            current_setting('transaction_isolation') USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF NOT pg_try_advisory_xact_lock(7245938205176631041) THEN
        RETURN -1;
    END IF;
    -- Every transaction older than this has ended: its records are committed (and visible to the statements
    -- below, which start later) or gone.
    now_horizon := pg_snapshot_xmin(pg_current_snapshot());
    SELECT s.seq, s.hash, s.horizon INTO head_seq, head_hash, last_horizon FROM audit_seal s ORDER BY s.seq DESC LIMIT 1;
    head_seq := coalesce(head_seq, 0);
    head_hash := coalesce(head_hash, audit_record_genesis_hash());
    -- planned afresh each round (EXECUTE), so the writer_xid index serves the actual horizon; records without
    -- a writer_xid are V9's, all sealed by this migration
    EXECUTE 'SELECT array_agg(c.seq ORDER BY c.seq) FROM ('
            || ' SELECT a.seq FROM audit_record a'
            || ' WHERE a.writer_xid >= $1'
            || ' AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.record_seq = a.seq)'
            || ' ORDER BY a.seq LIMIT $2) c'
        INTO candidates USING coalesce(last_horizon, '0'::xid8), p_limit + 1;
    IF candidates IS NULL THEN
        RETURN 0;
    END IF;
    -- only a round that sealed everything it found may move the horizon on
    round_horizon := CASE WHEN cardinality(candidates) <= p_limit THEN now_horizon ELSE last_horizon END;
    FOR r IN
        SELECT a.* FROM audit_record a WHERE a.seq = ANY (candidates[1:p_limit]) ORDER BY a.seq
    LOOP
        head_seq := head_seq + 1;
        next_hash := audit_seal_hash(2::SMALLINT, head_seq, r.seq, r.at, r.actor, r.entity_type, r.entity_id,
                                     r.department_code, r.action, r.old_value, r.new_value, r.request_id, head_hash);
        INSERT INTO audit_seal (seq, record_seq, hash_version, prev_hash, hash, horizon)
        VALUES (head_seq, r.seq, 2, head_hash, next_hash, round_horizon);
        head_hash := next_hash;
        sealed := sealed + 1;
    END LOOP;
    RETURN sealed;
END
$$;

-- Signed checkpoints (issue 13, item 3): the chain head (seq, hash) at an instant, signed with an Ed25519
-- key that lives outside the database. signature is base64 of the signature over the UTF-8 text
--     cx-audit-checkpoint:v1:<seq>:<hash>:<signed_at as YYYY-MM-DDTHH:MI:SS.ffffffZ>
-- key_fingerprint is the SHA-256 (hex) of the public key's DER (SubjectPublicKeyInfo) encoding.
-- A daily checkpoint names its day in period; the unique index lets only one node write it.
CREATE TABLE audit_checkpoint (
    id              BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seq             BIGINT       NOT NULL,
    hash            TEXT         NOT NULL,
    signed_at       TIMESTAMPTZ  NOT NULL,
    reason          VARCHAR(20)  NOT NULL,
    period          DATE,
    signature       TEXT         NOT NULL,
    key_fingerprint TEXT         NOT NULL,
    public_key      TEXT         NOT NULL,
    created_by      VARCHAR(200) NOT NULL,
    CONSTRAINT audit_checkpoint_seq CHECK (seq >= 0),
    CONSTRAINT audit_checkpoint_hash_hex CHECK (hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT audit_checkpoint_fingerprint_hex CHECK (key_fingerprint ~ '^[0-9a-f]{64}$'),
    CONSTRAINT audit_checkpoint_reason CHECK (reason IN ('daily', 'report', 'manual')),
    CONSTRAINT audit_checkpoint_daily_period CHECK ((reason = 'daily') = (period IS NOT NULL))
);
CREATE UNIQUE INDEX audit_checkpoint_daily_idx ON audit_checkpoint (period) WHERE period IS NOT NULL;
CREATE INDEX audit_checkpoint_seq_idx ON audit_checkpoint (seq);

CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- Every report names the checkpoint it was made under.
ALTER TABLE report_digest ADD COLUMN checkpoint_id BIGINT REFERENCES audit_checkpoint (id);
