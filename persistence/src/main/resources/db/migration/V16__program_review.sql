-- A recorded review of a program ("mark reviewed"): what "what changed since the last review" counts from.
-- Append-only: a review happened or it did not.
CREATE TABLE program_review (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id  BIGINT        NOT NULL REFERENCES program (id),
    reviewed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_by VARCHAR(120)  NOT NULL,
    note        VARCHAR(1000),
    CONSTRAINT program_review_by_not_blank CHECK (btrim(reviewed_by) <> ''),
    CONSTRAINT program_review_note_not_blank CHECK (note IS NULL OR btrim(note) <> '')
);
CREATE INDEX program_review_latest_idx ON program_review (program_id, reviewed_at DESC, id DESC);

CREATE TRIGGER program_review_append_only BEFORE UPDATE OR DELETE ON program_review
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER program_review_append_only_truncate BEFORE TRUNCATE ON program_review
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
