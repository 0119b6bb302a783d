-- Accounts and their API keys. Only a SHA-256 hash of each key is kept; keys are 256-bit random, so a fast hash
-- is safe and keeps authentication off the request's critical path.
CREATE TABLE accounts (
    id             UUID        PRIMARY KEY,
    name           TEXT        NOT NULL,
    default_region TEXT        NOT NULL DEFAULT 'US',
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id         UUID        PRIMARY KEY,
    account_id UUID        NOT NULL REFERENCES accounts (id),
    key_hash   TEXT        NOT NULL UNIQUE,
    label      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at TIMESTAMPTZ
);

-- Account-defined roles; the predefined ones (admin, billing, broadcaster, communicator) live in code.
CREATE TABLE account_roles (
    account_id  UUID NOT NULL REFERENCES accounts (id),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, name)
);

-- Email uniqueness across live users: one row per claimed address, written in the same transaction as the event
-- that adds the address and deleted in the one that removes it (or removes the user).
CREATE TABLE email_claims (
    address TEXT PRIMARY KEY CHECK (address = lower(address)),
    user_id UUID NOT NULL
);
CREATE INDEX email_claims_user_idx ON email_claims (user_id);

-- tiny_id: one global sequence, so ids are unique in every account without a per-account lock on the create path.
CREATE SEQUENCE user_tiny_id_seq;
