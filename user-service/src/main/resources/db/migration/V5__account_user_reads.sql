-- Read side of account users (v4 /account_users) and v3: team ids, and the free-text search `q`.

-- PagerTree account users carry the ids of their teams (TeamsAssigned); echoed as given, in order.
ALTER TABLE user_directory ADD COLUMN team_ids TEXT[] NOT NULL DEFAULT '{}';

-- `q` is a case-insensitive substring search over name, emails, phone numbers and role names. They are kept joined
-- in one generated column so that one trigram index serves `search_text ILIKE '%…%'` (a plain btree cannot serve
-- an infix match). Values are joined with a newline and the API rejects control characters in `q`, so a match never
-- spans two values. pg_trgm is a trusted contrib extension: no superuser needed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Declared IMMUTABLE so it may define a generated column: array_to_string is only STABLE in general (element output
-- functions may depend on settings), but for text[] it depends on nothing.
CREATE FUNCTION user_search_text(name TEXT, emails TEXT[], phones TEXT[], roles TEXT[]) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_to_string(ARRAY[name] || emails || phones || roles, E'\n') $$;

ALTER TABLE user_directory ADD COLUMN search_text TEXT
    GENERATED ALWAYS AS (user_search_text(name, email_addresses, phone_numbers, roles)) STORED;

CREATE INDEX user_directory_search_idx ON user_directory USING GIN (search_text gin_trgm_ops);

