-- Issue 19: keys carry a scope instead of admin-or-not (read: GET only; write: users; admin: everything of the
-- account), may expire, and one key (the bootstrap key) is the operator's, who manages accounts. Existing admin keys
-- become admin keys, the others write keys (what they could do before); the existing bootstrap keys become the
-- operator's.
ALTER TABLE api_keys ADD COLUMN scope TEXT NOT NULL DEFAULT 'write' CHECK (scope IN ('read', 'write', 'admin'));
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE api_keys ADD COLUMN operator BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE api_keys SET scope = 'admin' WHERE admin;
UPDATE api_keys SET operator = TRUE WHERE label = 'bootstrap' AND admin;
ALTER TABLE api_keys DROP COLUMN admin;
-- The account's keys as the key API lists them.
CREATE INDEX api_keys_account_idx ON api_keys (account_id, created_at, id);
