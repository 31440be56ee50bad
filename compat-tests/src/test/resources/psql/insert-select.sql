-- INSERT … SELECT: from another table, from the same table, with expressions and a filter.
create table src (id int primary key, name text, qty int);
insert into src values (1, 'a', 10), (2, 'b', 20), (3, 'c', null);
create table dst (id bigint primary key, label text, doubled int);
insert into dst select id, upper(name), qty * 2 from src where qty is not null;
select * from dst order by id;
insert into dst select id + 10, label || '!', doubled from dst;
select count(*), sum(doubled) from dst;
insert into dst select id, name, qty from src;
select count(*) from dst;
insert into dst (id, label) select 100, 'x';
select * from dst where id >= 100;
