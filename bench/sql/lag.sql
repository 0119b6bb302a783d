-- Projection lag of the users whose names start with :'prefix' (created during the steady-load window):
-- commit time of the read-model row (its last change) minus commit time of the event it last applied.
-- Needs track_commit_timestamp = on (bench/run turns it on in the embedded server before the lag window).
\set ON_ERROR_STOP on
WITH lag AS (
    SELECT extract(epoch FROM pg_xact_commit_timestamp(d.xmin) - pg_xact_commit_timestamp(e.xmin)) * 1000 AS ms
    FROM user_directory d
    JOIN domainevententry e ON e.aggregateidentifier = d.user_id::text AND e.sequencenumber = d.version
    WHERE d.name LIKE :'prefix' || '%'
)
SELECT count(*),
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 3),
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 3),
       round(max(ms)::numeric, 3)
FROM lag WHERE ms IS NOT NULL;
