-- The audit log (GET /api/v4/audit_log) lists an account's events newest first by occurred_at (then position), in a
-- time range or not, and often those of one API key. The primary key (account_id, position) orders by position and
-- cannot stop a time-range scan early, so each of these two orders serves its filter read backwards from the end of
-- the range and stops at the page's last row; user_id and sequence are included so that the page and the capped
-- count read the index alone. A user's own events are found by event_index_user_idx; a type filter reads the time
-- order and skips other types.
CREATE INDEX event_index_account_time_idx ON event_index (account_id, occurred_at, position)
    INCLUDE (user_id, sequence);
CREATE INDEX event_index_account_key_time_idx ON event_index (account_id, api_key_id, occurred_at, position)
    INCLUDE (user_id, sequence);
