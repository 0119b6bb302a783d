-- Read models of the user-directory processor (query-side). Rebuilt from the event store on a replay: the processor's
-- reset handlers truncate these tables, so they hold nothing the events cannot reproduce.

-- The user directory behind v4/v3 retrieve and list.
CREATE TABLE user_directory (
    user_id            UUID        PRIMARY KEY,
    account_id         UUID        NOT NULL,
    tiny_id            BIGINT      NOT NULL,
    name               TEXT        NOT NULL,
    first_name         TEXT,
    last_name          TEXT,
    time_zone          TEXT,       -- the name as the client sent it (echoed back)
    time_zone_id       TEXT,       -- the IANA id it resolved to (for computing with time, never rendered)
    preferred_language TEXT,
    last_sign_in_at    TIMESTAMPTZ,
    notify_push        BOOLEAN     NOT NULL,
    notify_email       BOOLEAN     NOT NULL,
    notify_sms         BOOLEAN     NOT NULL,
    notify_voice       BOOLEAN     NOT NULL,
    meta               JSONB       NOT NULL DEFAULT '{}',
    roles              TEXT[]      NOT NULL DEFAULT '{}',
    -- children in the order they were added: [{"id","email","primary"}] and
    -- [{"id","prefix_id","phone","primary","country","blocked"}]
    emails             JSONB       NOT NULL DEFAULT '[]',
    phones             JSONB       NOT NULL DEFAULT '[]',
    -- the same addresses/numbers as plain arrays, so that "any of the user's emails" filters can use a GIN index
    email_addresses    TEXT[]      NOT NULL DEFAULT '{}',
    phone_numbers      TEXT[]      NOT NULL DEFAULT '{}',
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    -- sequence number of the last event applied: makes redelivered events no-ops and lets writers await their write
    version            BIGINT      NOT NULL
);

-- Every list is scoped to one account and ends with user_id as the unique tie-breaker, so each sort has an index
-- that serves "where account_id = ? order by <attr>, user_id limit n" without sorting the account's users.
CREATE UNIQUE INDEX user_directory_tiny_id_uk ON user_directory (account_id, tiny_id);
CREATE INDEX user_directory_name_idx ON user_directory (account_id, name, user_id);
CREATE INDEX user_directory_created_idx ON user_directory (account_id, created_at, user_id);
CREATE INDEX user_directory_updated_idx ON user_directory (account_id, updated_at, user_id);
CREATE INDEX user_directory_sign_in_idx ON user_directory (account_id, last_sign_in_at, user_id);
CREATE INDEX user_directory_time_zone_idx ON user_directory (account_id, time_zone, user_id);
CREATE INDEX user_directory_language_idx ON user_directory (account_id, preferred_language, user_id);
-- beginsWith filters compare lower(attr) LIKE 'prefix%'; text_pattern_ops lets that use an index in any collation
CREATE INDEX user_directory_name_prefix_idx ON user_directory (account_id, lower(name) text_pattern_ops);
-- "any of the user's emails/phones/roles equals": array containment (@>) on GIN indexes
CREATE INDEX user_directory_emails_idx ON user_directory USING GIN (email_addresses);
CREATE INDEX user_directory_phones_idx ON user_directory USING GIN (phone_numbers);
CREATE INDEX user_directory_roles_idx ON user_directory USING GIN (roles);

-- Kept by the projection so that an unfiltered list never runs count(*).
CREATE TABLE account_user_counts (
    account_id UUID   PRIMARY KEY,
    user_count BIGINT NOT NULL
);

-- Every change of last_sign_in_at: previous and new value, when it was recorded and by which API key.
CREATE TABLE sign_in_audit (
    event_id            TEXT        PRIMARY KEY,   -- the event's message id: a redelivered event inserts nothing
    user_id             UUID        NOT NULL,
    account_id          UUID        NOT NULL,
    previous_sign_in_at TIMESTAMPTZ,
    signed_in_at        TIMESTAMPTZ NOT NULL,
    recorded_at         TIMESTAMPTZ NOT NULL,
    api_key_id          TEXT
);
-- lists are newest first by signed_in_at (event_id breaks ties), per user and per account, optionally in a range
CREATE INDEX sign_in_audit_user_idx ON sign_in_audit (user_id, signed_in_at DESC, event_id DESC);
CREATE INDEX sign_in_audit_account_idx ON sign_in_audit (account_id, signed_in_at DESC, event_id DESC);
