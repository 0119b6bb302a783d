-- The sign-in audit's key becomes (user_id, signed_in_at, event_id) instead of event_id alone, and the user index it
-- replaces goes.
--
-- The text key of random message ids was the audit's most expensive index: every row went to a random leaf of a
-- b-tree as large as the table's other two. Copying 1,040,001 audit rows into a table shaped like V3's took 17.1 s,
-- and 9.0 s without that key. The new key is what the user index was (a backward scan serves "newest first" as well
-- as a descending index), so it costs nothing extra, and it still makes a redelivered event insert nothing: the same
-- event always carries the same user and sign-in time. event_id stays unique in practice (message ids are UUIDs), it
-- is just no longer checked alone.
ALTER TABLE sign_in_audit DROP CONSTRAINT sign_in_audit_pkey;
DROP INDEX sign_in_audit_user_idx;
ALTER TABLE sign_in_audit ADD CONSTRAINT sign_in_audit_pkey PRIMARY KEY (user_id, signed_in_at, event_id);
