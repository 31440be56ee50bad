select 'abc'::name, pg_typeof('abc'::name), length(repeat('x', 70)::name), repeat('é', 40)::name;
create table nt (id int primary key, n name);
insert into nt values (1, 'public'), (2, repeat('y', 80));
select id, n, length(n) from nt order by id;
select id from nt where n = 'public';
select n || '!' from nt where id = 1;
drop table nt;
