\set id random(1, :rows)
SELECT id, k, payload FROM bench_rows WHERE id = :id;
