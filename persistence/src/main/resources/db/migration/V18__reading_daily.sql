-- Today's reads (dashboards, series, roll-ups, targets' live values) sum the readings of a metric per department
-- and day. Readings arrive many per series and day (channels, sources, re-sent survey batches), so summing the raw
-- rows costs in proportion to all of them (bench/RESULTS.md, "How cost grows"). reading_daily keeps those sums,
-- one row per (metric, department, day), maintained by triggers in the same statement as the readings: it is
-- never behind. The raw readings stay, each with its received_at, for reads as the data was known at an instant.
CREATE TABLE reading_daily (
    metric_id          BIGINT           NOT NULL,
    department_id      BIGINT,
    day                DATE             NOT NULL,
    readings           BIGINT           NOT NULL,
    promoters          BIGINT           NOT NULL,
    passives           BIGINT           NOT NULL,
    detractors         BIGINT           NOT NULL,
    satisfied          BIGINT           NOT NULL,
    responses          BIGINT           NOT NULL,
    score_sum          DOUBLE PRECISION NOT NULL,
    score_count        BIGINT           NOT NULL,
    numerator          BIGINT           NOT NULL,
    denominator        BIGINT           NOT NULL,
    gauge_weighted_sum DOUBLE PRECISION NOT NULL,
    gauge_weight       BIGINT           NOT NULL,
    -- the day's latest gauge value (latest gauge_at, the larger value on a tie), as the raw sums pick it
    gauge_last_value   DOUBLE PRECISION,
    gauge_last_at      TIMESTAMP WITH TIME ZONE,
    -- company-wide readings (no department) are one series of their own
    CONSTRAINT reading_daily_series_uk UNIQUE NULLS NOT DISTINCT (metric_id, department_id, day)
);
CREATE INDEX reading_daily_metric_day_idx ON reading_daily (metric_id, day);

-- The statistics of a set of reading rows, grouped by series and day, added to what reading_daily holds. Rows go
-- in key order so that two statements touching the same days wait for each other instead of deadlocking.
CREATE FUNCTION reading_daily_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reading_daily AS d (metric_id, department_id, day, readings, promoters, passives, detractors, satisfied,
                                    responses, score_sum, score_count, numerator, denominator, gauge_weighted_sum,
                                    gauge_weight, gauge_last_value, gauge_last_at)
    SELECT n.metric_id, n.department_id, n.day, count(*),
           coalesce(sum(n.promoters), 0), coalesce(sum(n.passives), 0), coalesce(sum(n.detractors), 0),
           coalesce(sum(n.satisfied), 0), coalesce(sum(n.responses), 0),
           coalesce(sum(n.score_sum), 0), coalesce(sum(n.score_count), 0),
           coalesce(sum(n.numerator), 0), coalesce(sum(n.denominator), 0),
           coalesce(sum(n.gauge_value * n.gauge_weight), 0), coalesce(sum(n.gauge_weight), 0),
           (array_agg(n.gauge_value ORDER BY n.gauge_at DESC, n.gauge_value DESC)
               FILTER (WHERE n.gauge_weight IS NOT NULL))[1],
           max(n.gauge_at)
      FROM new_rows n
     GROUP BY n.metric_id, n.department_id, n.day
     ORDER BY n.metric_id, n.department_id, n.day
    ON CONFLICT (metric_id, department_id, day) DO UPDATE SET
        readings = d.readings + excluded.readings,
        promoters = d.promoters + excluded.promoters,
        passives = d.passives + excluded.passives,
        detractors = d.detractors + excluded.detractors,
        satisfied = d.satisfied + excluded.satisfied,
        responses = d.responses + excluded.responses,
        score_sum = d.score_sum + excluded.score_sum,
        score_count = d.score_count + excluded.score_count,
        numerator = d.numerator + excluded.numerator,
        denominator = d.denominator + excluded.denominator,
        gauge_weighted_sum = d.gauge_weighted_sum + excluded.gauge_weighted_sum,
        gauge_weight = d.gauge_weight + excluded.gauge_weight,
        gauge_last_value = CASE
            WHEN excluded.gauge_last_at IS NULL THEN d.gauge_last_value
            WHEN d.gauge_last_at IS NULL OR excluded.gauge_last_at > d.gauge_last_at
                 OR (excluded.gauge_last_at = d.gauge_last_at AND excluded.gauge_last_value > d.gauge_last_value)
                THEN excluded.gauge_last_value
            ELSE d.gauge_last_value END,
        gauge_last_at = greatest(d.gauge_last_at, excluded.gauge_last_at);
    RETURN NULL;
END $$;

-- A re-sent survey batch adds to the statistics of its reading (ON CONFLICT DO UPDATE): the day's sums change by
-- new − old. Nothing else updates readings; a change of series, day or gauge would make the sums wrong, so it is
-- refused rather than half-followed.
CREATE FUNCTION reading_daily_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                WHERE (n.metric_id, n.department_id, n.day, n.gauge_value, n.gauge_weight, n.gauge_at)
                      IS DISTINCT FROM (o.metric_id, o.department_id, o.day, o.gauge_value, o.gauge_weight, o.gauge_at)) THEN
        RAISE EXCEPTION 'a reading''s series, day and gauge are not changed once stored (reading_daily sums them)';
    END IF;
    UPDATE reading_daily d SET
        promoters = d.promoters + c.promoters, passives = d.passives + c.passives, detractors = d.detractors + c.detractors,
        satisfied = d.satisfied + c.satisfied, responses = d.responses + c.responses,
        score_sum = d.score_sum + c.score_sum, score_count = d.score_count + c.score_count,
        numerator = d.numerator + c.numerator, denominator = d.denominator + c.denominator
      FROM (SELECT n.metric_id, n.department_id, n.day,
                   sum(coalesce(n.promoters, 0) - coalesce(o.promoters, 0)) AS promoters,
                   sum(coalesce(n.passives, 0) - coalesce(o.passives, 0)) AS passives,
                   sum(coalesce(n.detractors, 0) - coalesce(o.detractors, 0)) AS detractors,
                   sum(coalesce(n.satisfied, 0) - coalesce(o.satisfied, 0)) AS satisfied,
                   sum(coalesce(n.responses, 0) - coalesce(o.responses, 0)) AS responses,
                   sum(coalesce(n.score_sum, 0) - coalesce(o.score_sum, 0)) AS score_sum,
                   sum(coalesce(n.score_count, 0) - coalesce(o.score_count, 0)) AS score_count,
                   sum(coalesce(n.numerator, 0) - coalesce(o.numerator, 0)) AS numerator,
                   sum(coalesce(n.denominator, 0) - coalesce(o.denominator, 0)) AS denominator
              FROM new_rows n JOIN old_rows o ON o.id = n.id
             GROUP BY n.metric_id, n.department_id, n.day
             ORDER BY n.metric_id, n.department_id, n.day) c
     WHERE d.metric_id = c.metric_id AND d.department_id IS NOT DISTINCT FROM c.department_id AND d.day = c.day;
    RETURN NULL;
END $$;

-- Readings are never deleted by the application (its login has no DELETE on them); the owner's maintenance
-- deletes are followed too, so the sums never drift from the rows.
CREATE FUNCTION reading_daily_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reading_daily d SET
        readings = d.readings - c.readings,
        promoters = d.promoters - c.promoters, passives = d.passives - c.passives, detractors = d.detractors - c.detractors,
        satisfied = d.satisfied - c.satisfied, responses = d.responses - c.responses,
        score_sum = d.score_sum - c.score_sum, score_count = d.score_count - c.score_count,
        numerator = d.numerator - c.numerator, denominator = d.denominator - c.denominator,
        gauge_weighted_sum = d.gauge_weighted_sum - c.gauge_weighted_sum, gauge_weight = d.gauge_weight - c.gauge_weight
      FROM (SELECT o.metric_id, o.department_id, o.day, count(*) AS readings,
                   coalesce(sum(o.promoters), 0) AS promoters, coalesce(sum(o.passives), 0) AS passives,
                   coalesce(sum(o.detractors), 0) AS detractors, coalesce(sum(o.satisfied), 0) AS satisfied,
                   coalesce(sum(o.responses), 0) AS responses, coalesce(sum(o.score_sum), 0) AS score_sum,
                   coalesce(sum(o.score_count), 0) AS score_count, coalesce(sum(o.numerator), 0) AS numerator,
                   coalesce(sum(o.denominator), 0) AS denominator,
                   coalesce(sum(o.gauge_value * o.gauge_weight), 0) AS gauge_weighted_sum,
                   coalesce(sum(o.gauge_weight), 0) AS gauge_weight
              FROM old_rows o GROUP BY o.metric_id, o.department_id, o.day) c
     WHERE d.metric_id = c.metric_id AND d.department_id IS NOT DISTINCT FROM c.department_id AND d.day = c.day;
    -- the latest gauge of a day that lost readings is taken again from the rows left
    UPDATE reading_daily d SET (gauge_last_value, gauge_last_at) = (
            SELECT (array_agg(r.gauge_value ORDER BY r.gauge_at DESC, r.gauge_value DESC))[1], max(r.gauge_at)
              FROM reading r WHERE r.metric_id = d.metric_id AND r.department_id IS NOT DISTINCT FROM d.department_id
               AND r.day = d.day AND r.gauge_weight IS NOT NULL)
      FROM (SELECT DISTINCT metric_id, department_id, day FROM old_rows WHERE gauge_weight IS NOT NULL) g
     WHERE d.metric_id = g.metric_id AND d.department_id IS NOT DISTINCT FROM g.department_id AND d.day = g.day;
    DELETE FROM reading_daily d WHERE d.readings = 0;
    RETURN NULL;
END $$;

CREATE TRIGGER reading_daily_add AFTER INSERT ON reading
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reading_daily_add();
CREATE TRIGGER reading_daily_change AFTER UPDATE ON reading
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reading_daily_change();
CREATE TRIGGER reading_daily_remove AFTER DELETE ON reading
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION reading_daily_remove();

-- the readings stored before this migration
INSERT INTO reading_daily (metric_id, department_id, day, readings, promoters, passives, detractors, satisfied, responses,
                           score_sum, score_count, numerator, denominator, gauge_weighted_sum, gauge_weight,
                           gauge_last_value, gauge_last_at)
SELECT r.metric_id, r.department_id, r.day, count(*),
       coalesce(sum(r.promoters), 0), coalesce(sum(r.passives), 0), coalesce(sum(r.detractors), 0),
       coalesce(sum(r.satisfied), 0), coalesce(sum(r.responses), 0),
       coalesce(sum(r.score_sum), 0), coalesce(sum(r.score_count), 0),
       coalesce(sum(r.numerator), 0), coalesce(sum(r.denominator), 0),
       coalesce(sum(r.gauge_value * r.gauge_weight), 0), coalesce(sum(r.gauge_weight), 0),
       (array_agg(r.gauge_value ORDER BY r.gauge_at DESC, r.gauge_value DESC) FILTER (WHERE r.gauge_weight IS NOT NULL))[1],
       max(r.gauge_at)
  FROM reading r
 GROUP BY r.metric_id, r.department_id, r.day;
