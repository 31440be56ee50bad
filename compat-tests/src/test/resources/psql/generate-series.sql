-- generate_series(start, stop [, step]) in FROM: integer, bigint, numeric; aliases; errors; with tables.
select * from generate_series(1, 3);
select g from generate_series(1, 10, 3) as g;
select x from generate_series(5, 1, -2) as t(x);
select * from generate_series(1, 0);
select count(*), sum(g) from generate_series(1, 1000) g;
select * from generate_series(1, 3, 0);
select * from generate_series(1, null);
select * from generate_series(10000000000, 10000000002);
select * from generate_series(0.5, 2.0, 0.5);
select g * 2 as doubled from generate_series(1, 3) g where g <> 2 order by g desc;
select a.g, b.g from generate_series(1, 2) a, generate_series(1, 2) b order by 1, 2;
select 'ok' as still_here;
create table gs_t (id int primary key, v text);
insert into gs_t select g, 'row ' || g from generate_series(1, 500) g;
select count(*), min(id), max(id) from gs_t;
select t.id, t.v from gs_t t join generate_series(10, 12) s(n) on t.id = s.n order by t.id;
select count(*) from gs_t where id in (select g * 100 from generate_series(1, 10) g);
insert into gs_t select g, 'dup' from generate_series(500, 501) g;
select count(*) from gs_t;
drop table gs_t;
-- a set-returning function in the select list
select generate_series(1, 3);
select generate_series(1, 3) as g;
select generate_series(1, 2) + 10 as x, 'a' as y;
select count(*) from (select generate_series(1, 5)) s;
select generate_series(1, 10, 4), 'const';
create table gs_u (id int primary key);
insert into gs_u values (1), (2);
select id, generate_series(1, 2) as n from gs_u order by id, n;
drop table gs_u;
select 'ok';
-- timestamp and timestamptz series with an interval step
select generate_series from generate_series('2008-03-01 00:00:00'::TIMESTAMP,'2008-03-04 12:00:00'::TIMESTAMP, interval '12' hour);
select * from generate_series(timestamp '2020-01-01 01:02:03', timestamp '2020-06-01 03:04:05', interval '1' month);
select * from generate_series(timestamp '2021-01-01 03:04:05', timestamp '2020-10-01 01:02:03', interval '1' month - interval '60' day);
select * from generate_series('2020-01-01 00:00:00+00'::timestamptz, '2020-01-01 02:00:00+00'::timestamptz, '1 hour'::interval);
select * from generate_series(timestamp '2020-01-01', timestamp '2020-01-02', interval '0' day);
select count(*) from generate_series(timestamp '2020-01-01', null, interval '1' day);
