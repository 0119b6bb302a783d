-- Account roles get ids (what v3's role_ids refer to); predefined roles have fixed ids in code.
ALTER TABLE account_roles ADD COLUMN id UUID NOT NULL UNIQUE DEFAULT gen_random_uuid();
ALTER TABLE account_roles ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();

-- Only admin keys may change the account's role catalog. The bootstrap key is an admin key.
ALTER TABLE api_keys ADD COLUMN admin BOOLEAN NOT NULL DEFAULT FALSE;
