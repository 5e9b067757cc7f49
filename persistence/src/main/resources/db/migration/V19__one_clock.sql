-- One clock for the app and the database. The app stamps check-ins, readings and review marks with its Clock;
-- the database stamps audit records, seals and the plan's history itself. Both are the real time, except in a
-- local-mode test run that moves the app's clock (cx.clock.start, e.g. a run that crosses midnight): then the
-- database's stamps must move by the same amount, or an as-of read would mix two clocks hours apart.
--
-- The shift lives in a one-row table that only the owner login writes (SchemaMigrator, at every start, from the
-- app's Clock; outside local mode the row is removed). The runtime login may read it but never set it, so the
-- app cannot backdate what the database stamps — unlike a session setting, which any login could change.
CREATE TABLE clock_shift (
    only_row BOOLEAN  PRIMARY KEY DEFAULT true,
    shift    INTERVAL NOT NULL,
    CONSTRAINT clock_shift_one_row CHECK (only_row)
);

-- the transaction's start, as now(), on the one clock
CREATE FUNCTION cx_now() RETURNS TIMESTAMPTZ LANGUAGE sql STABLE AS $$
    SELECT now() + coalesce((SELECT c.shift FROM clock_shift c), INTERVAL '0')
$$;

-- the current instant, as clock_timestamp(), on the one clock
CREATE FUNCTION cx_clock() RETURNS TIMESTAMPTZ LANGUAGE sql VOLATILE AS $$
    SELECT clock_timestamp() + coalesce((SELECT c.shift FROM clock_shift c), INTERVAL '0')
$$;

CREATE OR REPLACE FUNCTION audit_record_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.seq := nextval('audit_record_seq');
    NEW.at := cx_clock();
    NEW.writer_xid := pg_current_xact_id();
    NEW.old_value := coalesce(NEW.old_value, '{}');
    NEW.new_value := coalesce(NEW.new_value, '{}');
    RETURN NEW;
END
$$;

ALTER TABLE report_digest ALTER COLUMN recorded_at SET DEFAULT cx_clock();
ALTER TABLE audit_seal ALTER COLUMN sealed_at SET DEFAULT cx_clock();
ALTER TABLE board_pack ALTER COLUMN recorded_at SET DEFAULT cx_clock();

CREATE OR REPLACE FUNCTION milestone_history_append(p_milestone_id BIGINT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO milestone_history (milestone_id, valid_from, initiative_id, title, owner_department_id, due_date, weight,
                                   override_status, override_reason, override_by, override_at, target_ids)
    SELECT m.id, cx_now(), m.initiative_id, m.title, m.owner_department_id, m.due_date, m.weight, m.override_status,
           m.override_reason, m.override_by, m.override_at,
           ARRAY(SELECT mt.target_id FROM milestone_target mt WHERE mt.milestone_id = m.id ORDER BY mt.target_id)
      FROM milestone m WHERE m.id = p_milestone_id
$$;

CREATE OR REPLACE FUNCTION target_history_of_target() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO target_history (target_id, valid_from, baseline, target_value, due_date, amber_tolerance, window_days)
    VALUES (NEW.id, cx_now(), NEW.baseline, NEW.target_value, NEW.due_date, NEW.amber_tolerance, NEW.window_days);
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION reading_revision_of_reading() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reading_revision (reading_id, superseded_at, metric_id, kind, day, department_id, channel, promoters,
                                  passives, detractors, satisfied, responses, score_sum, score_count, numerator,
                                  denominator, gauge_value, gauge_weight, gauge_at, received_at)
    VALUES (OLD.id, cx_now(), OLD.metric_id, OLD.kind, OLD.day, OLD.department_id, OLD.channel, OLD.promoters,
            OLD.passives, OLD.detractors, OLD.satisfied, OLD.responses, OLD.score_sum, OLD.score_count, OLD.numerator,
            OLD.denominator, OLD.gauge_value, OLD.gauge_weight, OLD.gauge_at, OLD.received_at);
    RETURN NEW;
END
$$;
