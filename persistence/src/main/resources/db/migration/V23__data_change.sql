-- Which transactions changed what today's dashboards read (issue 17): a read cache on each node keeps a computed
-- dashboard with the snapshot taken before its reads (pg_current_snapshot()), and serves it again only while no
-- transaction that wrote one of the tables below has become visible since that snapshot (ReadFreshness,
-- persistence/progress/SqlReadFreshness). The tables are the inputs of ProgressService.programProgress and
-- DepartmentDashboardService.of today: the plan (program, phase, department, initiative, RACI, milestone and its
-- evidence and target links), check-ins, four-eyes requests and decisions, metrics, targets and the readings with
-- their day sums. Nodes share nothing but the database, so this works on any number of them.
--
-- One row per writing transaction (its top-level id), written by a statement-level trigger: an import of 100,000
-- readings adds one row, a check-in one. The rows are removed on a schedule below the oldest running transaction
-- (data_change_horizon says up to where): a cache entry whose snapshot is older than the horizon is recomputed.
CREATE TABLE data_change (
    txid        XID8                     PRIMARY KEY,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp()
);

-- Below this transaction id every change has been removed from data_change; one row.
CREATE TABLE data_change_horizon (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE,
    horizon  XID8    NOT NULL,
    CONSTRAINT data_change_horizon_one_row CHECK (only_row)
);
-- Every transaction older than the migration's oldest running one has ended: nothing below it is ever recorded.
INSERT INTO data_change_horizon (horizon) VALUES (pg_snapshot_xmin(pg_current_snapshot()));

-- Runs with the writer's rights (the runtime login inserts into data_change); the top-level transaction id, also
-- inside a savepoint, because visibility in a snapshot is decided by it.
CREATE FUNCTION data_change_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO data_change (txid) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    watched TEXT;
BEGIN
    FOREACH watched IN ARRAY ARRAY['program', 'phase', 'department', 'initiative', 'initiative_raci', 'milestone',
            'milestone_evidence', 'milestone_target', 'check_in', 'check_in_evidence', 'approval_request',
            'approval_decision', 'metric', 'target', 'reading', 'reading_daily']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION data_change_record()', watched || '_data_change', watched);
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION data_change_record()', watched || '_data_change_truncate', watched);
    END LOOP;
END
$$;
