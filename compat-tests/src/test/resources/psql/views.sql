-- Views: defined over a table, expanded where they are named, replaced and dropped.
create table stock (id int primary key, item text not null, qty int);
insert into stock values (1, 'pen', 10), (2, 'ink', 0), (3, 'pad', 5);
create view in_stock as select id, item, qty from stock where qty > 0;
select * from in_stock order by id;
create view in_stock_names (name) as select item from in_stock;
select name from in_stock_names order by name;
select count(*) from in_stock s where s.qty > 5;
update stock set qty = 7 where id = 2;
select item from in_stock order by item;
create view in_stock as select 1;
create or replace view in_stock as select id, item, qty from stock where qty > 6;
select item from in_stock order by item;
create view broken as select * from missing_table;
drop view in_stock_names;
drop view if exists in_stock_names;
drop view in_stock;
select * from in_stock;
