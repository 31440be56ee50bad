-- count(*) beside DISTINCT aggregates: 0 over no rows (Calcite's $SUM0 of partial counts)
create table sd (v1 int, v2 int, v3 float8, v4 numeric);
select count(*), count(distinct v2) from sd;
select count(*), sum(v1), count(distinct v2), sum(distinct v3) from sd;
select v1, count(*), count(distinct v2) from sd group by v1;
insert into sd values (1, 1, 1.5, 2.5), (2, 1, 2.5, 1), (3, null, null, null), (3, 4, 1.5, 7);
select count(*), count(distinct v2), sum(v1), sum(distinct v3), sum(distinct v4) from sd;
select v1, count(*), count(distinct v2), sum(v3) from sd group by v1 order by v1;
select count(*) filter (where v1 > 1), count(distinct v2) filter (where v1 > 5) from sd;
