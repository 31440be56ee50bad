-- timezone(zone, value) and value AT TIME ZONE zone (session time zone UTC)
set timezone = 'UTC';
select timezone('Europe/Moscow', '2011-03-27 02:00:00'::timestamp), timezone('Europe/Moscow', '2014-10-26 01:00:00'::timestamp);
select timezone('Asia/Shanghai', '2024-11-20 20:00:00 UTC'::timestamptz), timezone('Europe/Moscow', '2014-10-25 22:00:00 UTC'::timestamptz);
select '2022-01-01 00:00:00Z'::timestamp with time zone AT TIME ZONE 'US/Pacific';
select '2021-12-31 16:00:00'::timestamp at time zone 'us/pacific', '2022-03-13 02:00:00'::timestamp AT TIME ZONE 'us/pacific';
select '2022-11-06 01:00:00'::timestamp AT TIME ZONE 'us/pacific', '2022-11-06 01:30:00'::timestamp at time zone 'America/New_York';
select '2024-01-01 12:00'::timestamp at time zone 'UTC', '2024-01-01 12:00'::timestamp at time zone 'pst', '2024-01-01 12:00'::timestamp at time zone 'EST';
select '2024-01-01 12:00'::timestamp at time zone '+05', '2024-01-01 12:00'::timestamp at time zone '-03:30', '2024-01-01 12:00'::timestamptz at time zone 'UTC+2';
select '2024-01-01 12:00'::timestamptz at time zone 'Asia/Kolkata' at time zone 'Asia/Tokyo';
select pg_typeof('2024-01-01 12:00'::timestamp at time zone 'UTC'), pg_typeof(now() at time zone 'UTC'), pg_typeof(timezone('UTC', '2024-01-01'));
select '2024-06-01 00:00'::timestamp at time zone 'Europe/Paris' + interval '1 hour' as shifted;
select timezone('Mars/Olympus', '2024-01-01'::timestamp);
select '2024-01-01'::timestamp at time zone 'nowhere';
create table local_times (local timestamp, tz varchar);
insert into local_times values ('2024-06-10 12:00:00', 'US/Pacific'), ('2024-06-10 13:00:00', 'Asia/Singapore'), (null, 'UTC'), ('2024-06-10 13:00:00', null);
select local AT TIME ZONE tz, timezone(tz, local) from local_times order by 1;
drop table local_times;
