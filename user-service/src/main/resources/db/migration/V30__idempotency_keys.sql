-- Idempotency-Key on POST (IETF draft): the first answer to a request, per API key and key, so that a retry gets it
-- again instead of writing twice. A row without a status is a request still in flight (its retries get a 409);
-- rows live until expires_at (users.idempotency.ttl) and survive restarts, as the retries they answer may.
CREATE TABLE idempotency_keys (
    api_key_id      UUID        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    claim           UUID        NOT NULL,  -- which request holds the key: only it may complete or release it
    fingerprint     BYTEA       NOT NULL,  -- SHA-256 of method, path, query, content type and body
    claimed_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    status          INTEGER,
    content_type    TEXT,
    location        TEXT,
    etag            TEXT,
    body            BYTEA,
    PRIMARY KEY (api_key_id, idempotency_key)
);

-- the sweep of expired keys reads by expiry; written once per keyed POST, which is rare next to the event appends
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
