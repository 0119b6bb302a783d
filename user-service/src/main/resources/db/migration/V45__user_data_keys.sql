-- Erasure by crypto-shredding (issue 19): the personal fields of a user's events are stored encrypted under that
-- user's own data key (AES-256-GCM); erasing the person deletes the key, after which those fields read "[erased]"
-- everywhere while the events keep their types, order and timestamps. Each key is kept wrapped (AES-GCM) by the
-- master key, so that a copy of this table alone decrypts nothing. Written in the transaction of the user's first
-- event that carries a personal value. Erasure keeps the row without its key (erased_at): a personal value written
-- for an erased user afterwards (a dead letter stored again, say) is then stored as "[erased]", never under a new key.
CREATE TABLE user_keys (
    user_id     UUID        PRIMARY KEY,
    wrapped_key BYTEA,                 -- nonce ‖ ciphertext ‖ tag, the user id as associated data; null once erased
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    erased_at   TIMESTAMPTZ,
    CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);
-- Which master key wrapped the data keys: its fingerprint (SHA-256 of a label and the key), so that a start with
-- another key fails instead of reading every person as erased. When no master key is configured
-- (users.erasure.master-key), the service generates one at its first start and keeps it here (generated_key):
-- erasure still works (a deleted data key is gone whatever protects the others), but a copy of the database then
-- holds what decrypts the living users' fields; production configures the key.
CREATE TABLE erasure_master_key (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint   BYTEA   NOT NULL,
    generated_key BYTEA
);
