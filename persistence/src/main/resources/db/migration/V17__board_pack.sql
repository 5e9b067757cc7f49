-- Board packs (issue 15): every pack the server built, so that a copy can be verified later (a file whose SHA-256 is
-- file_sha256 is byte for byte that pack) and so that the next pack knows when the last review was. Append-only like
-- report_digest: the runtime role gets SELECT, INSERT, and triggers refuse any change even to the owner's code.
CREATE TABLE board_pack (
    pack_id         UUID         PRIMARY KEY,
    program_id      BIGINT       NOT NULL REFERENCES program (id),
    format          VARCHAR(8)   NOT NULL,
    file_sha256     TEXT         NOT NULL,
    byte_count      BIGINT       NOT NULL,
    as_of           DATE         NOT NULL,
    since           DATE         NOT NULL,
    generated_at    TIMESTAMPTZ  NOT NULL,
    generated_by    VARCHAR(200) NOT NULL,
    checkpoint_id   BIGINT       REFERENCES audit_checkpoint (id),
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT board_pack_format CHECK (format IN ('pptx', 'pdf')),
    CONSTRAINT board_pack_file_hex CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT board_pack_bytes CHECK (byte_count > 0),
    CONSTRAINT board_pack_period CHECK (since <= as_of)
);
CREATE INDEX board_pack_file_idx ON board_pack (file_sha256, generated_at);
CREATE INDEX board_pack_program_idx ON board_pack (program_id, as_of);

CREATE TRIGGER board_pack_no_update BEFORE UPDATE ON board_pack
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER board_pack_no_delete BEFORE DELETE ON board_pack
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER board_pack_no_truncate BEFORE TRUNCATE ON board_pack
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
