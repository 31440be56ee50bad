-- INTERSECT ALL and EXCEPT ALL: multiset counts, NULLs equal, chains
select x from (values (1),(1),(1),(2),(null)) a(x) intersect all select x from (values (1),(1),(3),(null),(null)) b(x) order by 1;
select x from (values (1),(1),(1),(2),(null)) a(x) except all select x from (values (1),(3),(null)) b(x) order by 1;
create table sa2_t (id int primary key, g int, h text);
insert into sa2_t values (1, 1, 'a'), (2, 1, 'a'), (3, 2, 'b'), (4, 3, null), (5, 3, null);
select g, h from sa2_t intersect all select g, h from sa2_t where id > 1 order by 1, 2;
select g, h from sa2_t except all select g, h from sa2_t where id in (1, 4) order by 1, 2;
select g from sa2_t except all select g from sa2_t except all select 1 order by 1;
select count(*) from (select g from sa2_t intersect all select g from sa2_t) s;
drop table sa2_t;
