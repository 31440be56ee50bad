-- SELECT DISTINCT ON: the first row of each group in the ORDER BY's order
create table readings (sensor text, at int, value numeric(6,2), note text);
insert into readings values ('a', 1, 10.5, 'x'), ('a', 3, 11.0, 'y'), ('a', 2, 9.75, null), ('b', 1, 20, 'z'), ('b', 5, 21.25, 'w'), ('c', 4, null, 'v');
select distinct on (sensor) sensor, at, value from readings order by sensor, at desc;
select distinct on (sensor) sensor, at from readings order by sensor, value desc nulls last;
select distinct on (1) sensor as s, value from readings order by 1, 2;
select distinct on (s) sensor as s, at from readings order by s, at;
select distinct on (sensor, at > 2) sensor, at > 2 as late, at from readings order by sensor, at > 2, at;
select distinct on (sensor) * from readings order by sensor, at limit 2;
select distinct on (sensor) sensor, count(*) over () from readings order by sensor;
select distinct on (upper(sensor)) upper(sensor), at from readings order by upper(sensor), at desc;
select count(*) from (select sensor from readings) s;
select distinct on (sensor) sensor, max(at) from readings group by sensor, note order by sensor, max(at) desc;
select distinct on (sensor) sensor, at from readings order by at;
select distinct on (sensor) sensor, at from readings where value > 10 order by sensor, at offset 1;
select distinct on (3) sensor from readings;
select distinct on (sensor) sensor, at from readings order by sensor, 5;
select 1;
