-- ORDER BY … LIMIT over one table: each node sends its first OFFSET + LIMIT rows, the host sorts them again
create table tn (a int primary key, b int, c text);
insert into tn select g, (g * 7919) % 101, 'c' || (g % 13) from generate_series(1, 500) g;
insert into tn values (501, null, null), (502, null, 'z');
select a, b from tn order by b, a limit 5;
select a, b from tn order by b desc, a limit 4 offset 3;
select a, b from tn order by b desc nulls last, a desc limit 3;
select c, a from tn where a % 5 = 0 order by c, a limit 6 offset 10;
select count(*) from (select a from tn order by a limit 10) s;
select a from tn order by a limit 0;
select a from tn order by a limit all offset 498;
select a from tn order by a offset 499;
select a, b from tn where b < 3 order by b, a limit 100;
select upper(c), a from tn order by 1, 2 limit 3;
select a from tn order by a desc fetch first 2 rows only;
