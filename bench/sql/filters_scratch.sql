-- Scratch data for timing list filters with EXPLAIN ANALYZE or pgbench (docs/performance.md, "Filters without an
-- index"); not used by bench/run. Run on an empty database after the migrations (V1..V12, in order):
-- 100,000 users in account a0000000-…-0001 and 10,000 in b0000000-…-0002, every user with an email, every second
-- with a phone (one in five of those GB, one in fifty blocked), every tenth with meta {"team": "ops-<0..49>"}, every
-- third with a team id tm_<0..99>, every twentieth an admin.
create temp table seeds as
select n, case when n <= 100000 then 'a0000000-0000-4000-8000-000000000001'::uuid
               else 'b0000000-0000-4000-8000-000000000002'::uuid end as account_id,
       case when n <= 100000 then n else n - 100000 end as tiny,
       gen_random_uuid() as user_id, gen_random_uuid() as email_id, gen_random_uuid() as phone_id
from generate_series(1, 110000) n;
insert into user_directory (user_id, account_id, tiny_id, name, time_zone, time_zone_id, preferred_language,
  last_sign_in_at, notify_push, notify_email, notify_sms, notify_voice, meta, roles, emails, phones,
  created_at, updated_at, version, team_ids)
select user_id, account_id, tiny, 'User ' || lpad(n::text, 6, '0'), 'London', 'Europe/London', 'en',
  timestamptz '2025-01-01' + n * interval '5 minutes', true, true, true, true,
  case when n % 10 = 0 then jsonb_build_object('team', 'ops-' || (n / 10) % 50, 'cost', (n % 7)::text)
       else '{}'::jsonb end,
  case when n % 20 = 0 then array['admin'] else array[]::text[] end,
  jsonb_build_array(jsonb_build_object('id', email_id, 'email', 'user' || n || '@bench.example', 'primary', true)),
  case when n % 2 = 0 then jsonb_build_array(jsonb_build_object('id', phone_id,
        'prefix_id', 'phn_' || replace(phone_id::text, '-', ''), 'phone', '+1415' || lpad(n::text, 7, '0'),
        'primary', true, 'country', case when n % 10 = 4 then 'GB' else 'US' end, 'blocked', n % 100 = 2))
       else '[]'::jsonb end,
  timestamptz '2024-01-01' + n * interval '1 minute', timestamptz '2024-06-01' + n * interval '1 minute', 9,
  case when n % 3 = 0 then array['tm_' || n % 100] else array[]::text[] end
from seeds;
insert into user_directory_lookup (user_id, account_id, name, email_addresses, phone_numbers, roles)
select user_id, account_id, name, array(select e ->> 'email' from jsonb_array_elements(emails) e),
       array(select p ->> 'phone' from jsonb_array_elements(phones) p), roles
from user_directory;
insert into account_user_counts select account_id, count(*) from user_directory group by account_id;
vacuum analyze;
