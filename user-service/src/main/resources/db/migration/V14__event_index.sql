-- Which account every stored event belongs to, in the order of the store: what an account's audit log, event feed
-- and stream read, instead of scanning every account's events. Written by a trigger in the transaction that appends
-- the event, so it can never lag behind, miss or double an event, whatever path appended it (the command side,
-- a test, a restore); a reader that knows which appends are still in flight knows this table's too.
--
-- The account is taken from a UserCreated event's own accountId and inherited by every later event of the same user;
-- it is never read from other events, so a client-chosen meta key called "accountId" cannot move a user's events into
-- another account. Both it and the metadata's apiKeyId are cut out of the JSON text by a pattern instead of a JSON
-- parse, which would fail on escapes an old stored event may hold (a NUL in a name; PostgreSQL refuses to extract
-- fields from such a document) and cost more. A "key":" pattern cannot match inside a JSON string, where every quote
-- is escaped; in UserCreated the first match is the record's own field, since only userId (a UUID) precedes it and
-- every client-chosen text (meta included) follows it.
CREATE TABLE event_index (
    account_id  UUID        NOT NULL,
    position    BIGINT      NOT NULL,  -- domainevententry.globalindex
    user_id     UUID        NOT NULL,  -- domainevententry.aggregateidentifier
    sequence    BIGINT      NOT NULL,  -- domainevententry.sequencenumber
    event_name  TEXT        NOT NULL,  -- the payload type's simple name (UserCreated); see EventTypes
    occurred_at TIMESTAMPTZ NOT NULL,
    api_key_id  TEXT,                  -- the metadata's apiKeyId: who caused it, when a request did
    PRIMARY KEY (account_id, position)
);
CREATE INDEX event_index_user_idx ON event_index (user_id, position);

CREATE FUNCTION event_index_account(event domainevententry) RETURNS UUID
    LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN event.payloadtype = 'dev.users.events.UserCreated'
                THEN substring(convert_from(event.payload, 'UTF8') FROM '"accountId":"([0-9a-f-]{36})"')::uuid
                ELSE (SELECT i.account_id FROM event_index i
                      WHERE i.user_id = event.aggregateidentifier::uuid ORDER BY i.position LIMIT 1)
           END
$$;

CREATE FUNCTION event_index_append() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    account UUID := event_index_account(NEW);
BEGIN
    -- an event of no known account (only possible for a hand-made row) is not listed for any account
    IF account IS NOT NULL THEN
        INSERT INTO event_index (account_id, position, user_id, sequence, event_name, occurred_at, api_key_id)
        VALUES (account, NEW.globalindex, NEW.aggregateidentifier::uuid, NEW.sequencenumber,
                regexp_replace(NEW.payloadtype, '^.*\.', ''), NEW.timestamp::timestamptz,
                substring(convert_from(NEW.metadata, 'UTF8') FROM '"apiKeyId":"([^"\\]*)"'));
    END IF;
    RETURN NULL;
END
$$;

-- only users' events: other aggregates (a test's probe) have ids that are not UUIDs and no account
CREATE TRIGGER event_index_append AFTER INSERT ON domainevententry
    FOR EACH ROW WHEN (NEW.type = 'User') EXECUTE FUNCTION event_index_append();

-- the events stored before this version, in store order so that every event finds its user's creation
INSERT INTO event_index (account_id, position, user_id, sequence, event_name, occurred_at, api_key_id)
SELECT c.account_id, e.globalindex, e.aggregateidentifier::uuid, e.sequencenumber,
       regexp_replace(e.payloadtype, '^.*\.', ''), e.timestamp::timestamptz,
       substring(convert_from(e.metadata, 'UTF8') FROM '"apiKeyId":"([^"\\]*)"')
FROM domainevententry e
JOIN (SELECT aggregateidentifier, substring(convert_from(payload, 'UTF8') FROM '"accountId":"([0-9a-f-]{36})"')::uuid AS account_id
      FROM domainevententry WHERE payloadtype = 'dev.users.events.UserCreated') c USING (aggregateidentifier)
WHERE e.type = 'User' AND c.account_id IS NOT NULL;
