-- The ceiling: the same PostgreSQL, a table shaped like the event store's hot path (bigserial key, a unique text
-- column, ~700-byte rows), pre-filled so that primary-key reads hit an index of realistic size.
\set ON_ERROR_STOP on
DROP TABLE IF EXISTS bench_rows;
CREATE TABLE bench_rows (
    id      BIGSERIAL PRIMARY KEY,
    k       TEXT      NOT NULL UNIQUE,
    payload TEXT      NOT NULL
);
INSERT INTO bench_rows (k, payload)
SELECT 'seed-' || md5(g::text), repeat(md5(g::text || 'p'), 20) FROM generate_series(1, :rows) g;
VACUUM ANALYZE bench_rows;
