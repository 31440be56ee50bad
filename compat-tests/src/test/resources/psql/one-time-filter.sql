-- Conditions that read no row are evaluated once, before the input (PostgreSQL's One-Time Filter)
create table otf (a int primary key, b int);
insert into otf select g, g % 3 from generate_series(1, 20) g;
select count(*) from generate_series(1, 100000000) g where 1 = 0;
select count(*) from otf where 1 = 1 and b = 2;
select count(*) from otf where b = 2 and 2 > 3;
select a from otf where a < 4 and 'x' = 'x' order by a;
select count(*) from otf where (select 1) = 1;
select count(*) > 0 from otf where random() < 2;
select a from otf o where exists (select 1 from otf i where i.a = o.a and 1 = 0);
select count(*) from otf where null::boolean;
