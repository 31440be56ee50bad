-- GROUP BY, HAVING, DISTINCT and aggregates over groups with NULL keys.
create table grouped (id int primary key, grp text, n int);
insert into grouped values (1,'a',1),(2,'a',2),(3,'b',5),(4,null,7),(5,null,null),(6,'c',null);
select grp, count(*), count(n), sum(n), min(n), max(n) from grouped group by grp order by grp;
select grp, sum(n) from grouped group by grp having sum(n) > 2 order by 1;
select distinct grp from grouped order by grp nulls first;
select count(*) from (select grp from grouped group by grp) s;
select n is not distinct from null, count(*) from grouped group by 1 order by 1;
