-- information_schema.tables (tables and views, not sequences or indexes) and information_schema.sequences
create table ist_items (id int primary key, label text);
create index ist_items_label on ist_items (label);
create view ist_labels as select label, count(*) as n from ist_items group by label;
create sequence ist_numbers start 5 increment 2;
create sequence ist_down increment -1 minvalue -10 maxvalue 0 cycle;
select table_catalog = current_database() as this_database, table_schema, table_name, table_type,
       self_referencing_column_name, reference_generation, user_defined_type_name,
       is_insertable_into, is_typed, commit_action
from information_schema.tables where table_name like 'ist\_%' order by table_name;
select sequence_catalog = current_database() as this_database, sequence_schema, sequence_name, data_type,
       numeric_precision, numeric_precision_radix, numeric_scale, start_value, minimum_value, maximum_value,
       increment, cycle_option
from information_schema.sequences where sequence_name like 'ist\_%' order by sequence_name;
select count(*) from information_schema.tables t where t.table_name = 'ist_items' and t.table_type = 'BASE TABLE';
drop view ist_labels;
drop table ist_items;
drop sequence ist_numbers, ist_down;
select table_name from information_schema.tables where table_name like 'ist\_%';
select sequence_name from information_schema.sequences where sequence_name like 'ist\_%';
