-- date(x), PostgreSQL's function-style cast, and date_trunc(unit, timestamptz, zone)
set timezone = 'UTC';
select date('2030-03-30'), date('2020-01-23 10:11:12'::timestamp), date('2020-01-23 23:00:00-05'::timestamptz), date(date '2021-02-03');
select pg_typeof(date('2030-03-30')), date(null) is null;
create table dates_as_text (id int, b text);
insert into dates_as_text values (1, '1990-12-19'), (2, '2000-02-29'), (3, null);
select id, date(b), date(b) + 1 from dates_as_text order by id;
drop table dates_as_text;
select date(1);
with t(id, v) as (values
    ('a', '2023-11-05 01:40:00-07:00'::timestamptz),
    ('b', '2023-11-05 01:40:00-08:00'::timestamptz))
select id, date_trunc('hour', v, 'US/Pacific'), date_trunc('day', v, 'US/Pacific'), date_trunc('minute', v, 'Asia/Kolkata'),
       date_trunc('month', v, 'Europe/Berlin'), date_trunc('year', v, 'UTC') from t order by id;
select date_trunc('day', '2023-03-12 12:00:00Z'::timestamptz, 'America/New_York'), date_trunc('week', '2023-03-12 12:00:00Z'::timestamptz, '+05');
select date_trunc('hour', '2023-03-12 12:00:00Z'::timestamptz, 'nowhere');
select date_trunc('fortnight', '2023-03-12 12:00:00Z'::timestamptz, 'UTC');
-- column names: VALUES' column1, …, and a WITH query's select list
values (1, 'a'), (2, 'b');
with t as (select 1 as x) select x, x + 1, abs(x) from t;
