-- The columns only filters and `q` read (email addresses, phone numbers, role names and the trigram-indexed search
-- text) move out of user_directory into user_directory_lookup, one row per directory row.
--
-- Why: PostgreSQL writes a new entry into EVERY index of a table when an update changes any indexed column (no HOT
-- update), and every event changes updated_at. With the four GIN indexes on user_directory, a sign-in (which touches
-- only last_sign_in_at, updated_at and version) cost 0.25 ms in PostgreSQL, 70% of it re-inserting ~40 trigrams of
-- an unchanged search text; without them 0.05 ms. The lookup row changes only when a name, an address, a number or
-- the roles change. `roles` stays in user_directory too: the renderers show it.
CREATE TABLE user_directory_lookup (
    user_id          UUID   PRIMARY KEY,
    account_id       UUID   NOT NULL,
    name             TEXT   NOT NULL,
    email_addresses  TEXT[] NOT NULL DEFAULT '{}',
    phone_numbers    TEXT[] NOT NULL DEFAULT '{}',
    roles            TEXT[] NOT NULL DEFAULT '{}',
    search_text      TEXT GENERATED ALWAYS AS (user_search_text(name, email_addresses, phone_numbers, roles)) STORED
);

INSERT INTO user_directory_lookup (user_id, account_id, name, email_addresses, phone_numbers, roles)
SELECT user_id, account_id, name, email_addresses, phone_numbers, roles FROM user_directory;

-- fastupdate off, as in V7: a pending list makes every filter scan it
CREATE INDEX user_directory_lookup_emails_idx ON user_directory_lookup USING GIN (email_addresses) WITH (fastupdate = off);
CREATE INDEX user_directory_lookup_phones_idx ON user_directory_lookup USING GIN (phone_numbers) WITH (fastupdate = off);
CREATE INDEX user_directory_lookup_roles_idx ON user_directory_lookup USING GIN (roles) WITH (fastupdate = off);
CREATE INDEX user_directory_lookup_search_idx ON user_directory_lookup USING GIN (search_text gin_trgm_ops)
    WITH (fastupdate = off);

ALTER TABLE user_directory DROP COLUMN search_text;
ALTER TABLE user_directory DROP COLUMN email_addresses;
ALTER TABLE user_directory DROP COLUMN phone_numbers;
DROP INDEX user_directory_roles_idx;
