-- Where the projection lag of the steady-load window (users named :'prefix'...) went over 100 ms: how many users, in
-- how many distinct seconds (a few seconds with many users = stalls of the whole pipeline; many seconds with one each
-- = a spread-out tail), and the worst second. Same lag as lag.sql.
\set ON_ERROR_STOP on
WITH lag AS (
    SELECT pg_xact_commit_timestamp(e.xmin) AS at,
           extract(epoch FROM pg_xact_commit_timestamp(d.xmin) - pg_xact_commit_timestamp(e.xmin)) * 1000 AS ms
    FROM user_directory d
    JOIN domainevententry e ON e.aggregateidentifier = d.user_id::text AND e.sequencenumber = d.version
    WHERE d.name LIKE :'prefix' || '%'
), slow AS (
    SELECT date_trunc('second', at) AS second, count(*) AS users FROM lag WHERE ms > 100 GROUP BY 1
)
SELECT coalesce(sum(users), 0), count(*), coalesce(max(users), 0) FROM slow;
