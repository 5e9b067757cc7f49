-- Initiatives and programs as the system knew them at any instant (issue 15), like milestone_history (V15): an as-of
-- read shows the initiative's title, pillar, phase and RACI of then, and the program's name of then. Departments,
-- phases and metric definitions need no history: the runtime login may only insert them (runtime-grants.properties).
-- Append-only; a row is in force from its valid_from (the transaction's start on the one clock, cx_now()) until the
-- next row of the same initiative or program.

-- --- initiatives: plan fields, accountable department and the contributors' RACI ---
CREATE TABLE initiative_history (
    id                        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id             BIGINT         NOT NULL REFERENCES initiative (id),
    valid_from                TIMESTAMP WITH TIME ZONE NOT NULL,
    program_id                BIGINT         NOT NULL,
    phase_id                  BIGINT         NOT NULL,
    pillar                    VARCHAR(20)    NOT NULL,
    title                     VARCHAR(200)   NOT NULL,
    description               VARCHAR(4000),
    accountable_department_id BIGINT         NOT NULL,
    -- the contributors, by department id, and their roles in the same order
    raci_department_ids       BIGINT[]       NOT NULL,
    raci_roles                VARCHAR(20)[]  NOT NULL,
    version                   BIGINT         NOT NULL
);
CREATE INDEX initiative_history_as_of_idx ON initiative_history (initiative_id, valid_from DESC, id DESC);

-- Appends the initiative's current state unless it is the state its latest row already holds. Hibernate rewrites a
-- RACI change as an update of the initiative (its version), a delete of every RACI row and an insert of each: the
-- triggers below are deferred to the end of the transaction, where all of them see the final state, so the first
-- appends it and the others find it recorded: one row per change, never a half-written RACI.
CREATE FUNCTION initiative_history_append(p_initiative_id BIGINT) RETURNS void LANGUAGE sql AS $$
    WITH now_state AS (
        SELECT i.id, i.program_id, i.phase_id, i.pillar, i.title, i.description, i.accountable_department_id,
               ARRAY(SELECT r.department_id FROM initiative_raci r WHERE r.initiative_id = i.id ORDER BY r.department_id) AS ids,
               ARRAY(SELECT r.role FROM initiative_raci r WHERE r.initiative_id = i.id ORDER BY r.department_id)::VARCHAR(20)[] AS roles,
               i.version
          FROM initiative i WHERE i.id = p_initiative_id),
         latest AS (
        SELECT h.program_id, h.phase_id, h.pillar, h.title, h.description, h.accountable_department_id,
               h.raci_department_ids, h.raci_roles, h.version
          FROM initiative_history h WHERE h.initiative_id = p_initiative_id
         ORDER BY h.valid_from DESC, h.id DESC LIMIT 1)
    INSERT INTO initiative_history (initiative_id, valid_from, program_id, phase_id, pillar, title, description,
                                    accountable_department_id, raci_department_ids, raci_roles, version)
    SELECT s.id, cx_now(), s.program_id, s.phase_id, s.pillar, s.title, s.description, s.accountable_department_id,
           s.ids, s.roles, s.version
      FROM now_state s
     WHERE NOT EXISTS (SELECT 1 FROM latest l
                        WHERE (l.program_id, l.phase_id, l.pillar, l.title, l.description, l.accountable_department_id,
                               l.raci_department_ids, l.raci_roles, l.version)
                              IS NOT DISTINCT FROM
                              (s.program_id, s.phase_id, s.pillar, s.title, s.description, s.accountable_department_id,
                               s.ids, s.roles, s.version))
$$;

CREATE FUNCTION initiative_history_of_initiative() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM initiative_history_append(NEW.id);
    RETURN NULL;
END
$$;

CREATE FUNCTION initiative_history_of_raci() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM initiative_history_append(OLD.initiative_id);
    ELSE
        PERFORM initiative_history_append(NEW.initiative_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER initiative_history_on_change AFTER INSERT OR UPDATE ON initiative
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION initiative_history_of_initiative();
CREATE CONSTRAINT TRIGGER initiative_history_on_raci AFTER INSERT OR UPDATE OR DELETE ON initiative_raci
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION initiative_history_of_raci();

-- Existing initiatives: their current state, known since their creation in the audit trail (V15's rule), or since
-- their first milestone's history if that is earlier, so that no milestone of then lacks its initiative of then.
INSERT INTO initiative_history (initiative_id, valid_from, program_id, phase_id, pillar, title, description,
                                accountable_department_id, raci_department_ids, raci_roles, version)
SELECT i.id,
       least(plan_history_known_since('initiative', i.id::text),
             (SELECT min(mh.valid_from) FROM milestone_history mh WHERE mh.initiative_id = i.id)),
       i.program_id, i.phase_id, i.pillar, i.title, i.description, i.accountable_department_id,
       ARRAY(SELECT r.department_id FROM initiative_raci r WHERE r.initiative_id = i.id ORDER BY r.department_id),
       ARRAY(SELECT r.role FROM initiative_raci r WHERE r.initiative_id = i.id ORDER BY r.department_id)::VARCHAR(20)[],
       i.version
  FROM initiative i ORDER BY i.id;

-- --- programs: the name (phases are only ever inserted) ---
CREATE TABLE program_history (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id BIGINT       NOT NULL REFERENCES program (id),
    valid_from TIMESTAMP WITH TIME ZONE NOT NULL,
    name       VARCHAR(120) NOT NULL,
    start_date DATE         NOT NULL
);
CREATE INDEX program_history_as_of_idx ON program_history (program_id, valid_from DESC, id DESC);

CREATE FUNCTION program_history_of_program() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO program_history (program_id, valid_from, name, start_date)
    VALUES (NEW.id, cx_now(), NEW.name, NEW.start_date);
    RETURN NULL;
END
$$;
CREATE TRIGGER program_history_on_insert AFTER INSERT ON program
    FOR EACH ROW EXECUTE FUNCTION program_history_of_program();
CREATE TRIGGER program_history_on_update AFTER UPDATE ON program
    FOR EACH ROW
    WHEN ((OLD.name, OLD.start_date) IS DISTINCT FROM (NEW.name, NEW.start_date))
    EXECUTE FUNCTION program_history_of_program();

INSERT INTO program_history (program_id, valid_from, name, start_date)
SELECT p.id,
       least(plan_history_known_since('program', p.id::text),
             (SELECT min(ih.valid_from) FROM initiative_history ih WHERE ih.program_id = p.id)),
       p.name, p.start_date
  FROM program p ORDER BY p.id;

-- append-only, like every record of what happened
CREATE TRIGGER initiative_history_append_only BEFORE UPDATE OR DELETE ON initiative_history
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER initiative_history_append_only_truncate BEFORE TRUNCATE ON initiative_history
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER program_history_append_only BEFORE UPDATE OR DELETE ON program_history
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER program_history_append_only_truncate BEFORE TRUNCATE ON program_history
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
