-- Seeds users as events, copying the payload shape of a real user's events (the template, created over HTTP).
-- psql variables:
--   tpl      aggregate id of the template user (has UserCreated, EmailAdded and UserSignedIn events)
--   n        number of users to add
--   k        sign-ins per user (events with consecutive sequence numbers after UserCreated and EmailAdded)
--   tag      text that makes names and addresses of this batch unique
-- Each user gets its email claim (what the command side checks), a tiny id from the service's own sequence, and
-- events in the order a real history would have them (all sequence numbers of a user ascending in globalindex).
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE seed_tpl ON COMMIT DROP AS
SELECT
    (SELECT convert_from(payload, 'UTF8')::jsonb FROM domainevententry
      WHERE aggregateidentifier = :'tpl' AND payloadtype LIKE '%.UserCreated' LIMIT 1) AS created,
    (SELECT convert_from(payload, 'UTF8')::jsonb FROM domainevententry
      WHERE aggregateidentifier = :'tpl' AND payloadtype LIKE '%.EmailAdded' LIMIT 1) AS email,
    (SELECT convert_from(payload, 'UTF8')::jsonb FROM domainevententry
      WHERE aggregateidentifier = :'tpl' AND payloadtype LIKE '%.UserSignedIn' LIMIT 1) AS signin,
    (SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = :'tpl' AND payloadtype LIKE '%.UserCreated' LIMIT 1) AS created_type,
    (SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = :'tpl' AND payloadtype LIKE '%.EmailAdded' LIMIT 1) AS email_type,
    (SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = :'tpl' AND payloadtype LIKE '%.UserSignedIn' LIMIT 1) AS signin_type,
    (SELECT metadata FROM domainevententry WHERE aggregateidentifier = :'tpl' ORDER BY sequencenumber LIMIT 1) AS metadata,
    (SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = :'tpl' ORDER BY sequencenumber LIMIT 1) AS revision;

DO $$ BEGIN
  IF (SELECT created IS NULL OR email IS NULL OR signin IS NULL FROM seed_tpl) THEN
    RAISE EXCEPTION 'template user lacks UserCreated, EmailAdded or UserSignedIn events';
  END IF;
END $$;

CREATE TEMP TABLE seed_users ON COMMIT DROP AS
SELECT g                                                          AS n,
       gen_random_uuid()                                          AS user_id,
       gen_random_uuid()                                          AS email_id,
       nextval('user_tiny_id_seq')                                AS tiny_id,
       lower(:'tag' || '-' || g || '@bench.example')              AS address,
       initcap(substr(md5(:'tag' || g), 1, 7)) || ' ' || :'tag' || ' ' || g AS name,
       timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second' AS created_at
FROM generate_series(1, :n) g;

INSERT INTO email_claims (address, user_id) SELECT address, user_id FROM seed_users;

INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                              payloadrevision, payloadtype, timestamp)
SELECT e.user_id::text, e.seq, 'User', gen_random_uuid()::text, t.metadata, convert_to(e.body::text, 'UTF8'),
       t.revision, e.ptype, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM seed_tpl t,
LATERAL (
    SELECT u.n, u.user_id, 0::bigint AS seq, t.created_type AS ptype, u.created_at AS at,
           t.created || jsonb_build_object('userId', u.user_id, 'tinyId', u.tiny_id, 'name', u.name,
                                           'createdAt', to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) AS body
    FROM seed_users u
    UNION ALL
    SELECT u.n, u.user_id, 1, t.email_type, u.created_at,
           t.email || jsonb_build_object('userId', u.user_id, 'emailId', u.email_id, 'address', u.address, 'primary', true)
    FROM seed_users u
    UNION ALL
    SELECT u.n, u.user_id, 1 + s, t.signin_type, u.created_at + s * interval '1 second',
           t.signin || jsonb_build_object('userId', u.user_id,
               'previousSignInAt', CASE WHEN s = 1 THEN NULL
                   ELSE to_char((u.created_at + (s - 1) * interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END,
               'signedInAt', to_char((u.created_at + s * interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    FROM seed_users u, generate_series(1, :k) s
) e
ORDER BY e.seq, e.n;

-- jsonb's text form has a space after every colon, which the event index trigger's pattern (made for the compact
-- JSON the service writes) does not match, so the trigger indexed none of these events: index them here as V14
-- indexes the events stored before it (the account is the template's)
INSERT INTO event_index (account_id, position, user_id, sequence, event_name, occurred_at, api_key_id)
SELECT (t.created ->> 'accountId')::uuid, e.globalindex, u.user_id, e.sequencenumber,
       regexp_replace(e.payloadtype, '^.*\.', ''), e.timestamp::timestamptz,
       substring(convert_from(e.metadata, 'UTF8') FROM '"apiKeyId":"([^"\\]*)"')
FROM seed_users u
JOIN domainevententry e ON e.aggregateidentifier = u.user_id::text, seed_tpl t
ON CONFLICT DO NOTHING;

-- the seeded ids, for the load scripts (ids file: one id per line)
CREATE SCHEMA IF NOT EXISTS bench;
CREATE TABLE IF NOT EXISTS bench.seeded (user_id uuid PRIMARY KEY, address text NOT NULL, tag text NOT NULL);
INSERT INTO bench.seeded SELECT user_id, address, :'tag' FROM seed_users;

COMMIT;
