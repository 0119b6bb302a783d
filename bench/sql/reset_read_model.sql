-- What a replay starts from: no token for the user-directory processor, empty read models of that processor.
-- (The same as the processor's @ResetHandlers do; keep this list in step with the read-model tables.)
\set ON_ERROR_STOP on
BEGIN;
DELETE FROM tokenentry WHERE processorname = 'user-directory';
TRUNCATE user_directory, user_directory_lookup, account_user_counts, sign_in_audit, account_memberships,
         account_owner_view;
COMMIT;
