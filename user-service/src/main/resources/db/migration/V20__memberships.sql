-- One person, many accounts (issue 14): a user is a person whose home account is the one that created it; other
-- accounts hold memberships of that person (invited, then accepted or declined by the person, ended by the account).

-- Command side: which person each membership id belongs to, and at most one membership per person and account,
-- written in the transaction of the event that opens or closes the membership (as email_claims is).
CREATE TABLE membership_claims (
    membership_id UUID PRIMARY KEY,
    user_id       UUID NOT NULL,
    account_id    UUID NOT NULL,
    UNIQUE (account_id, user_id)
);
CREATE INDEX membership_claims_user_idx ON membership_claims (user_id);

-- Read side (user-directory processor): the memberships an account sees, pending and accepted; a declined or ended
-- one is deleted. Only the membership's own fields: the person's profile is read from their directory row.
CREATE TABLE account_memberships (
    membership_id UUID        PRIMARY KEY,
    account_id    UUID        NOT NULL,
    user_id       UUID        NOT NULL,
    tiny_id       BIGINT      NOT NULL,
    state         TEXT        NOT NULL CHECK (state IN ('pending', 'accepted')),
    email         TEXT        NOT NULL,  -- the address the invitation was sent to
    roles         TEXT[]      NOT NULL DEFAULT '{}',
    team_ids      TEXT[]      NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ NOT NULL,  -- the invitation
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL   -- the person's sequence number of the last event applied
);
-- an account's memberships in creation order; a person's (their removal deletes them all)
CREATE INDEX account_memberships_account_idx ON account_memberships (account_id, created_at, membership_id);
CREATE INDEX account_memberships_user_idx ON account_memberships (user_id);

-- event_index: a membership event belongs to the membership's account, not to the person's home account, so that
-- the inviting account's audit log and feed show its invitations and no other account sees them. Its accountId is
-- cut out of the JSON text by the same pattern as UserCreated's (see V14); in every Membership* record it comes
-- right after userId (a UUID), before any client-chosen text, so the first match is the record's own field. Every
-- other event still inherits the account of its user's UserCreated: a person's profile events are listed only
-- under their home account.
CREATE OR REPLACE FUNCTION event_index_account(event domainevententry) RETURNS UUID
    LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN event.payloadtype IN ('dev.users.events.UserCreated', 'dev.users.events.MembershipInvited',
                                           'dev.users.events.MembershipAccepted', 'dev.users.events.MembershipDeclined',
                                           'dev.users.events.MembershipEnded')
                THEN substring(convert_from(event.payload, 'UTF8') FROM '"accountId":"([0-9a-f-]{36})"')::uuid
                ELSE (SELECT i.account_id FROM event_index i
                      WHERE i.user_id = event.aggregateidentifier::uuid ORDER BY i.position LIMIT 1)
           END
$$;
