-- The search index's pending-list limit comes from the session (gin_pending_list_limit) instead of the index.
--
-- V10 fixed it at 256 kB on the index, which keeps a search cheap while users are created one by one, but made a
-- read-model build merge the list into the tree after every ~250 users: 181,174 lookup rows took 13.1 s to insert
-- against 5.5 s with a 4 MB list (2.6 s without the index at all). A limit on the index overrides the session's, so it
-- goes: the service's connections set 256 kB when the pool opens them (spring.datasource.hikari.connection-init-sql)
-- and a build from nothing sets 4 MB for its own transaction (AggregateOrderRebuild). Anything else that writes the
-- table gets the server's default (4 MB).
ALTER INDEX user_directory_lookup_search_idx RESET (gin_pending_list_limit);
