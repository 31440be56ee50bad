-- psql's FETCH_COUNT: psql reads query results through a cursor (BEGIN; DECLARE _psql_cursor NO SCROLL
-- CURSOR FOR …; FETCH FORWARD n FROM _psql_cursor …; CLOSE; COMMIT), a few rows at a time
create table fc_items (id int primary key, name text, price numeric(6,2));
insert into fc_items select g, 'item ' || g, g * 1.25 from generate_series(1, 7) g;
\set FETCH_COUNT 2
select * from fc_items order by id;
select id from fc_items where id > 100;
select count(*) from fc_items;
select name from fc_items where id <= 3 order by id desc;
values (1, 'a'), (2, 'b'), (3, 'c');
select * from fc_missing;
-- inside a transaction block psql declares its cursor in it
begin;
insert into fc_items values (8, 'item 8', 10);
select id, name from fc_items where id >= 6 order by id;
rollback;
select count(*) from fc_items;
\pset format unaligned
select id, price from fc_items where id < 4 order by id;
\pset format aligned
\set FETCH_COUNT 3
select * from fc_items order by id limit 5;
\unset FETCH_COUNT
drop table fc_items;
