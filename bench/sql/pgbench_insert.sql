-- one ~700-byte row per transaction (autocommit): 8 (id) + ~36 (k) + 640 (payload) bytes + tuple header
INSERT INTO bench_rows (k, payload) VALUES (md5(random()::text || clock_timestamp()::text), repeat(md5(random()::text), 20));
