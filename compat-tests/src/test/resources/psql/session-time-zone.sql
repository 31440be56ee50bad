-- The session's TimeZone governs how timestamptz is read and shown (PostgreSQL 15, 8.5.1.3).
set timezone to 'Europe/Berlin';
show timezone;
select '2020-01-01 00:00:00+00'::timestamptz as winter, '2020-07-01 00:00:00+00'::timestamptz as summer;
select '2020-01-01 01:00'::timestamptz as local_input, timestamptz '2020-07-01 12:30:15.25' as typed;
select '2020-01-01 01:00'::timestamptz = '2020-01-01 00:00+00'::timestamptz as same_instant;
select '1890-01-01 00:00'::timestamptz as local_mean_time;
create table tz_events (id int primary key, at timestamptz, note text);
insert into tz_events values (1, '2021-03-27 12:00', 'before spring forward'), (2, '2021-03-28 12:00+02', 'after'),
  (3, '2021-03-28 02:30', 'in the gap');
select id, at, at::text as text, note from tz_events order by id;
select id, at::timestamp as wall, at::date as day, extract(hour from at) as hour, to_char(at, 'TZH:TZM') as utc_offset,
  extract(epoch from at) as epoch from tz_events order by id;
select id, date_trunc('day', at) as midnight, date_trunc('hour', at) as hour, to_char(at, 'YYYY-MM-DD HH24:MI TZ OF') as formatted
  from tz_events order by id;
-- A day is a calendar day across a change of offset; 24 hours are 24 hours.
select at + interval '1 day' as plus_day, at + interval '24 hours' as plus_24h, at - interval '1 day' as minus_day
  from tz_events where id = 1;
select '2021-03-28 12:00'::timestamptz - '2021-03-27 12:00'::timestamptz as elapsed;
select age('2021-03-28 12:00'::timestamptz, '2021-03-27 12:00'::timestamptz) as age;
select g from generate_series('2021-03-27 00:00'::timestamptz, '2021-03-30 00:00'::timestamptz, interval '1 day') as g;
-- Casts between the types with and without a zone happen in the session's zone.
select '2021-03-28 12:00'::timestamp::timestamptz as from_timestamp, '2021-03-28'::date::timestamptz as from_date,
  '2021-03-28 00:30+00'::timestamptz::date as to_date;
-- AT TIME ZONE names its zone; the result is shown in the session's.
select '2021-03-28 12:00'::timestamp at time zone 'America/New_York' as new_york_noon,
  '2021-03-28 12:00+00'::timestamptz at time zone 'Asia/Tokyo' as tokyo_wall;
select to_json('2021-07-01 12:00'::timestamptz) as json, concat('at ', '2021-07-01 12:00'::timestamptz) as concat;
-- Now is an instant; the local views of it follow the zone.
select now() = current_timestamp as same, current_date = now()::date as today, localtimestamp = now()::timestamp as local;
-- India is five and a half hours ahead.
set time zone 'Asia/Kolkata';
select '2020-01-01 00:00+00'::timestamptz as india, to_char('2020-01-01'::timestamptz, 'TZ OF') as zone;
select id, at from tz_events order by id;
-- New York falls back on 2021-11-07: 01:30 happens twice, the later one (standard time) is taken.
set time zone 'America/New_York';
select '2021-11-07 01:30'::timestamptz as ambiguous, '2021-11-06 12:00'::timestamptz + interval '1 day' as plus_day,
  '2021-11-06 12:00'::timestamptz + interval '24 hours' as plus_24h;
select date_trunc('day', '2021-11-07 15:00'::timestamptz) as midnight;
-- The ways to name a zone.
set time zone interval '+02:00' hour to minute;
show timezone;
select '2020-01-01 00:00'::timestamptz as two_east;
set time zone -3.5;
show timezone;
select '2020-01-01 00:00'::timestamptz as three_and_a_half_west;
set time zone 'UTC+3';
show timezone;
select '2020-01-01 00:00'::timestamptz as posix_west;
set time zone 'PST8PDT';
select '2020-07-01 00:00'::timestamptz as pacific_summer, '2020-01-01 00:00'::timestamptz as pacific_winter;
set time zone 'europe/berlin';
show timezone;
set time zone 'Mars/Base';
set time zone interval '1 day';
show timezone;
set time zone local;
show timezone;
select id, at from tz_events order by id;
set timezone = 'Europe/Berlin';
reset timezone;
show timezone;
drop table tz_events;
