-- A member account's change of its membership's roles and teams (MembershipChanged) belongs to that account, like
-- the other Membership* events (V20 left it out: it was filed under the person's home account, which must not see
-- another account's roles and teams, while the member account's own audit log and feed missed its change).
CREATE OR REPLACE FUNCTION event_index_account(event domainevententry) RETURNS UUID
    LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN event.payloadtype IN ('dev.users.events.UserCreated', 'dev.users.events.MembershipInvited',
                                           'dev.users.events.MembershipAccepted', 'dev.users.events.MembershipDeclined',
                                           'dev.users.events.MembershipEnded', 'dev.users.events.MembershipChanged')
                THEN substring(convert_from(event.payload, 'UTF8') FROM '"accountId":"([0-9a-f-]{36})"')::uuid
                ELSE (SELECT i.account_id FROM event_index i
                      WHERE i.user_id = event.aggregateidentifier::uuid ORDER BY i.position LIMIT 1)
           END
$$;

-- the changes stored before this version, moved to their membership's account
UPDATE event_index i
SET account_id = substring(convert_from(e.payload, 'UTF8') FROM '"accountId":"([0-9a-f-]{36})"')::uuid
FROM domainevententry e
WHERE e.globalindex = i.position AND e.payloadtype = 'dev.users.events.MembershipChanged';
