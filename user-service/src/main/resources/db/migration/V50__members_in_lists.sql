-- Memberships in the member account's lists (issue 14): an accepted membership is an account user of the member
-- account, listed by GET /api/v4/account_users and /api/v4/users beside the account's own users.

-- PagerTree's account user attributes that belong to the membership, not to the person: the notification rule the
-- account user uses, and the account's own meta for them (MembershipAttributesChanged).
ALTER TABLE account_memberships ADD COLUMN notification_rule_id TEXT;
ALTER TABLE account_memberships ADD COLUMN meta JSONB NOT NULL DEFAULT '{}';

-- The accepted memberships as the member account sees them, column for column as user_directory and
-- user_directory_lookup name them, so that the lists' filters, sorts and `q` read them unchanged: the profile,
-- emails, phones and sign-ins of the person (their directory and lookup rows), the account, tiny id, roles, teams,
-- meta and timestamps of the membership; the home account's roles, teams and meta are not columns of it. A view
-- and not a copy: a profile change of the person is in it in the same transaction that writes the person's row,
-- with nothing to keep in step. Members are few next to an account's own users, so the view's filters read the
-- account's accepted memberships (account_memberships_accepted_idx) and the persons' rows by primary key.
CREATE VIEW member_directory AS
SELECT m.membership_id,
       d.user_id,
       m.account_id,
       m.tiny_id,
       d.name,
       d.first_name,
       d.last_name,
       d.time_zone,
       d.time_zone_id,
       d.preferred_language,
       d.last_sign_in_at,
       d.notify_push,
       d.notify_email,
       d.notify_sms,
       d.notify_voice,
       m.meta,
       m.roles,
       m.team_ids,
       d.emails,
       d.phones,
       m.created_at,
       m.updated_at,
       m.version,
       m.notification_rule_id,
       l.email_addresses,
       l.phone_numbers,
       user_search_text(d.name, l.email_addresses, l.phone_numbers, m.roles) AS search_text
FROM account_memberships m
JOIN user_directory d ON d.user_id = m.user_id
JOIN user_directory_lookup l ON l.user_id = m.user_id
WHERE m.state = 'accepted';

-- the member branch of every list starts here: an account without accepted memberships costs one empty index probe
CREATE INDEX account_memberships_accepted_idx ON account_memberships (account_id, tiny_id) WHERE state = 'accepted';

-- event_index: MembershipAttributesChanged belongs to the membership's account, as the other Membership* events do
-- (V20, V22); its accountId comes right after userId.
CREATE OR REPLACE FUNCTION event_index_account(event domainevententry) RETURNS UUID
    LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN event.payloadtype IN ('dev.users.events.UserCreated', 'dev.users.events.MembershipInvited',
                                           'dev.users.events.MembershipAccepted', 'dev.users.events.MembershipDeclined',
                                           'dev.users.events.MembershipEnded', 'dev.users.events.MembershipChanged',
                                           'dev.users.events.MembershipAttributesChanged')
                THEN substring(convert_from(event.payload, 'UTF8') FROM '"accountId":"([0-9a-f-]{36})"')::uuid
                ELSE (SELECT i.account_id FROM event_index i
                      WHERE i.user_id = event.aggregateidentifier::uuid ORDER BY i.position LIMIT 1)
           END
$$;
