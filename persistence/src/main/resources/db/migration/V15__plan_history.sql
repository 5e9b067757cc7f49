-- The plan as the system knew it at any instant (bitemporal reads, issue 15). Each history table is
-- append-only and is written by triggers in the same transaction as the change it records, so no code path
-- (services, demo loader, imports, a DBA's fix) can change the plan without leaving its history. A row is in
-- force from its valid_from until the next row of the same thing (a pure append: the next row bounds it, no
-- row is ever updated). valid_from is the transaction's start (now()), the instant the change became known.

-- Where the history of data older than this migration starts: known since its creation in the audit trail,
-- else since the trail's first record, else since the epoch.
CREATE FUNCTION plan_history_known_since(p_entity_type TEXT, p_entity_id TEXT) RETURNS TIMESTAMPTZ
    LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT min(a.at) FROM audit_record a
                      WHERE a.entity_type = p_entity_type AND a.entity_id = p_entity_id AND a.action = 'create'),
                    (SELECT min(a.at) FROM audit_record a),
                    TIMESTAMPTZ '1970-01-01 00:00:00+00')
$$;

-- --- milestones: plan fields, override and target links (check-ins are append-only already) ---
CREATE TABLE milestone_history (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    milestone_id        BIGINT        NOT NULL REFERENCES milestone (id),
    valid_from          TIMESTAMP WITH TIME ZONE NOT NULL,
    initiative_id       BIGINT        NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    owner_department_id BIGINT        NOT NULL,
    due_date            DATE          NOT NULL,
    weight              DOUBLE PRECISION,
    override_status     VARCHAR(20),
    override_reason     VARCHAR(1000),
    override_by         VARCHAR(120),
    override_at         TIMESTAMP WITH TIME ZONE,
    target_ids          BIGINT[]      NOT NULL
);
CREATE INDEX milestone_history_as_of_idx ON milestone_history (milestone_id, valid_from DESC, id DESC);
CREATE INDEX milestone_history_valid_from_idx ON milestone_history (valid_from);

CREATE FUNCTION milestone_history_append(p_milestone_id BIGINT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO milestone_history (milestone_id, valid_from, initiative_id, title, owner_department_id, due_date, weight,
                                   override_status, override_reason, override_by, override_at, target_ids)
    SELECT m.id, now(), m.initiative_id, m.title, m.owner_department_id, m.due_date, m.weight, m.override_status,
           m.override_reason, m.override_by, m.override_at,
           ARRAY(SELECT mt.target_id FROM milestone_target mt WHERE mt.milestone_id = m.id ORDER BY mt.target_id)
      FROM milestone m WHERE m.id = p_milestone_id
$$;

CREATE FUNCTION milestone_history_of_milestone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM milestone_history_append(NEW.id);
    RETURN NULL;
END
$$;

CREATE FUNCTION milestone_history_of_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM milestone_history_append(OLD.milestone_id);
    ELSE
        PERFORM milestone_history_append(NEW.milestone_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER milestone_history_on_insert AFTER INSERT ON milestone
    FOR EACH ROW EXECUTE FUNCTION milestone_history_of_milestone();
-- a check-in updates the milestone's denormalised latest status, which the history does not need (check_in has it)
CREATE TRIGGER milestone_history_on_update AFTER UPDATE ON milestone
    FOR EACH ROW
    WHEN ((OLD.initiative_id, OLD.title, OLD.owner_department_id, OLD.due_date, OLD.weight, OLD.override_status,
           OLD.override_reason, OLD.override_by, OLD.override_at)
          IS DISTINCT FROM
          (NEW.initiative_id, NEW.title, NEW.owner_department_id, NEW.due_date, NEW.weight, NEW.override_status,
           NEW.override_reason, NEW.override_by, NEW.override_at))
    EXECUTE FUNCTION milestone_history_of_milestone();
CREATE TRIGGER milestone_history_on_link AFTER INSERT OR DELETE ON milestone_target
    FOR EACH ROW EXECUTE FUNCTION milestone_history_of_link();

-- existing milestones: known since their creation, without the override; the override since it was set
INSERT INTO milestone_history (milestone_id, valid_from, initiative_id, title, owner_department_id, due_date, weight,
                               override_status, override_reason, override_by, override_at, target_ids)
SELECT m.id, s.since, m.initiative_id, m.title, m.owner_department_id, m.due_date, m.weight,
       CASE WHEN m.override_at <= s.since THEN m.override_status END,
       CASE WHEN m.override_at <= s.since THEN m.override_reason END,
       CASE WHEN m.override_at <= s.since THEN m.override_by END,
       CASE WHEN m.override_at <= s.since THEN m.override_at END,
       ARRAY(SELECT mt.target_id FROM milestone_target mt WHERE mt.milestone_id = m.id ORDER BY mt.target_id)
  FROM milestone m CROSS JOIN LATERAL (SELECT plan_history_known_since('milestone', m.id::text) AS since) s
 ORDER BY m.id;
INSERT INTO milestone_history (milestone_id, valid_from, initiative_id, title, owner_department_id, due_date, weight,
                               override_status, override_reason, override_by, override_at, target_ids)
SELECT m.id, m.override_at, m.initiative_id, m.title, m.owner_department_id, m.due_date, m.weight, m.override_status,
       m.override_reason, m.override_by, m.override_at,
       ARRAY(SELECT mt.target_id FROM milestone_target mt WHERE mt.milestone_id = m.id ORDER BY mt.target_id)
  FROM milestone m
 WHERE m.override_at > plan_history_known_since('milestone', m.id::text)
 ORDER BY m.id;

-- --- targets: their numbers (metric and scope never change) ---
CREATE TABLE target_history (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_id       BIGINT           NOT NULL REFERENCES target (id),
    valid_from      TIMESTAMP WITH TIME ZONE NOT NULL,
    baseline        DOUBLE PRECISION NOT NULL,
    target_value    DOUBLE PRECISION NOT NULL,
    due_date        DATE             NOT NULL,
    amber_tolerance DOUBLE PRECISION NOT NULL,
    window_days     INTEGER          NOT NULL
);
CREATE INDEX target_history_as_of_idx ON target_history (target_id, valid_from DESC, id DESC);

CREATE FUNCTION target_history_of_target() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO target_history (target_id, valid_from, baseline, target_value, due_date, amber_tolerance, window_days)
    VALUES (NEW.id, now(), NEW.baseline, NEW.target_value, NEW.due_date, NEW.amber_tolerance, NEW.window_days);
    RETURN NULL;
END
$$;
CREATE TRIGGER target_history_on_insert AFTER INSERT ON target
    FOR EACH ROW EXECUTE FUNCTION target_history_of_target();
CREATE TRIGGER target_history_on_update AFTER UPDATE ON target
    FOR EACH ROW
    WHEN ((OLD.baseline, OLD.target_value, OLD.due_date, OLD.amber_tolerance, OLD.window_days)
          IS DISTINCT FROM (NEW.baseline, NEW.target_value, NEW.due_date, NEW.amber_tolerance, NEW.window_days))
    EXECUTE FUNCTION target_history_of_target();

INSERT INTO target_history (target_id, valid_from, baseline, target_value, due_date, amber_tolerance, window_days)
SELECT t.id, plan_history_known_since('target', t.id::text), t.baseline, t.target_value, t.due_date,
       t.amber_tolerance, t.window_days
  FROM target t ORDER BY t.id;

-- --- readings: a re-sent survey batch merges its statistics into an existing reading (ON CONFLICT DO UPDATE).
--     The state a merge replaces is kept here with the instant it was superseded: as of T, a reading shows the
--     earliest revision superseded after T, else its current row; it exists from its received_at. Readings that
--     are never merged (the common case) cost nothing here. ---
CREATE TABLE reading_revision (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reading_id    BIGINT       NOT NULL REFERENCES reading (id),
    superseded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    metric_id     BIGINT       NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    day           DATE         NOT NULL,
    department_id BIGINT,
    channel       VARCHAR(40),
    promoters     BIGINT,
    passives      BIGINT,
    detractors    BIGINT,
    satisfied     BIGINT,
    responses     BIGINT,
    score_sum     DOUBLE PRECISION,
    score_count   BIGINT,
    numerator     BIGINT,
    denominator   BIGINT,
    gauge_value   DOUBLE PRECISION,
    gauge_weight  BIGINT,
    gauge_at      TIMESTAMP WITH TIME ZONE,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reading_revision_as_of_idx ON reading_revision (reading_id, superseded_at);
CREATE INDEX reading_revision_superseded_idx ON reading_revision (superseded_at);

CREATE FUNCTION reading_revision_of_reading() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reading_revision (reading_id, superseded_at, metric_id, kind, day, department_id, channel, promoters,
                                  passives, detractors, satisfied, responses, score_sum, score_count, numerator,
                                  denominator, gauge_value, gauge_weight, gauge_at, received_at)
    VALUES (OLD.id, now(), OLD.metric_id, OLD.kind, OLD.day, OLD.department_id, OLD.channel, OLD.promoters,
            OLD.passives, OLD.detractors, OLD.satisfied, OLD.responses, OLD.score_sum, OLD.score_count, OLD.numerator,
            OLD.denominator, OLD.gauge_value, OLD.gauge_weight, OLD.gauge_at, OLD.received_at);
    RETURN NEW;
END
$$;
CREATE TRIGGER reading_revision_on_update BEFORE UPDATE ON reading
    FOR EACH ROW
    WHEN ((OLD.promoters, OLD.passives, OLD.detractors, OLD.satisfied, OLD.responses, OLD.score_sum, OLD.score_count,
           OLD.numerator, OLD.denominator, OLD.gauge_value, OLD.gauge_weight, OLD.gauge_at)
          IS DISTINCT FROM
          (NEW.promoters, NEW.passives, NEW.detractors, NEW.satisfied, NEW.responses, NEW.score_sum, NEW.score_count,
           NEW.numerator, NEW.denominator, NEW.gauge_value, NEW.gauge_weight, NEW.gauge_at))
    EXECUTE FUNCTION reading_revision_of_reading();

-- append-only, like every record of what happened
CREATE TRIGGER milestone_history_append_only BEFORE UPDATE OR DELETE ON milestone_history
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER milestone_history_append_only_truncate BEFORE TRUNCATE ON milestone_history
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER target_history_append_only BEFORE UPDATE OR DELETE ON target_history
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER target_history_append_only_truncate BEFORE TRUNCATE ON target_history
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER reading_revision_append_only BEFORE UPDATE OR DELETE ON reading_revision
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER reading_revision_append_only_truncate BEFORE TRUNCATE ON reading_revision
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
