-- information_schema: schemata, tables, columns, views, constraints, key columns, foreign keys, sequences, checks
create schema is_shop;
create table is_customers (id serial primary key, name varchar(40) not null, email text unique, balance numeric(10,2) default 0, code char(3), score double precision check (score >= 0), tags text[]);
create table is_orders (id bigint, line int, customer_id int references is_customers(id) on delete cascade, placed date, at timestamptz, note text default 'none', primary key (id, line));
create table is_shop.items (sku int primary key, title text, small smallint, big bigint);
create table is_shop.stock (sku int, place int, constraint stock_item foreign key (sku) references is_shop.items on delete set null, constraint stock_place check (place > 0 and sku < 1000));
create view is_rich as select id, email, name, balance, code from is_customers where balance > 100;
create sequence is_numbers increment 5 start 10;
select schema_name, schema_owner, catalog_name = current_database() as here from information_schema.schemata where schema_name in ('public', 'is_shop', 'pg_catalog', 'information_schema') order by schema_name;
select table_schema, table_name, table_type, is_typed, table_catalog = current_database() as here from information_schema.tables where table_name like 'is\_%' or table_schema = 'is_shop' order by table_schema, table_name;
select table_name, table_type from information_schema.tables where table_schema = 'information_schema' and table_name in ('tables', 'columns', 'schemata') order by table_name;
select table_name, column_name, ordinal_position, column_default, is_nullable, data_type, character_maximum_length, character_octet_length, numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision, udt_schema, udt_name, dtd_identifier, is_identity, is_generated from information_schema.columns where table_name like 'is\_%' and table_name <> 'is_rich' or table_schema = 'is_shop' order by table_schema, table_name, ordinal_position;
select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale from information_schema.columns where table_name = 'is_rich' order by ordinal_position;
select c.name, r.code as rich from is_rich r join is_customers c using (id) union all select name, code from is_rich \gdesc
select c.name, r.balance from is_customers c left join is_rich r using (id) where c.id > 0 \gdesc
select table_schema, table_name, view_definition like '%is_customers%' as defined, check_option from information_schema.views where table_name like 'is\_%';
select constraint_schema, constraint_name, table_name, constraint_type, is_deferrable, initially_deferred, enforced, nulls_distinct from information_schema.table_constraints where (table_name like 'is\_%' or table_schema = 'is_shop') and constraint_name not like '%not_null' order by table_schema, table_name, constraint_name;
select table_name, count(*) from information_schema.table_constraints where (table_name like 'is\_%' or table_schema = 'is_shop') and constraint_name like '%not_null' and constraint_type = 'CHECK' group by table_name order by table_name;
select constraint_name, table_schema, table_name, column_name, ordinal_position, position_in_unique_constraint from information_schema.key_column_usage where table_name like 'is\_%' or table_schema = 'is_shop' order by table_schema, table_name, constraint_name, ordinal_position;
select constraint_schema, constraint_name, unique_constraint_schema, unique_constraint_name, match_option, update_rule, delete_rule from information_schema.referential_constraints where constraint_schema in ('public', 'is_shop') and constraint_name in ('is_orders_customer_id_fkey', 'stock_item') order by constraint_name;
select table_schema, table_name, column_name, constraint_name from information_schema.constraint_column_usage where table_name like 'is\_%' or table_schema = 'is_shop' order by constraint_name, column_name;
select constraint_name, check_clause like '((%))' as parenthesized from information_schema.check_constraints where constraint_name in ('stock_place', 'is_customers_score_check') order by constraint_name;
select check_clause from information_schema.check_constraints c join information_schema.table_constraints t using (constraint_schema, constraint_name) where t.table_name = 'is_customers' and c.constraint_name like '%not_null' order by check_clause;
select sequence_schema, sequence_name, data_type, numeric_precision, numeric_precision_radix, numeric_scale, start_value, minimum_value, maximum_value, increment, cycle_option from information_schema.sequences where sequence_name like 'is\_%' order by sequence_name;
select count(*) from information_schema.routines where routine_schema = 'public' and routine_name like 'is\_%';
select * from information_schema.tables where table_name = 'is_nothing';
drop view is_rich;
drop table is_orders;
drop table is_customers;
drop sequence is_numbers;
drop table is_shop.stock;
drop table is_shop.items;
drop schema is_shop;
