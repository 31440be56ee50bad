-- psql's listings of databases, schemas, roles and functions, expanded output and timing
\l amelie
\dn
\du
\df
\df d9*
\df sqrt
\df concat
\df format_type
\dT d9*
\dx d9*
\x
select 1 as one, 'two' as two;
\x
\timing on
select 1 as one;
\timing off
create table d9t (id int primary key, v text);
\x auto
\d d9t
\x off
drop table d9t;
select current_user, session_user, current_schema, current_database();
select format_type('int4'::regtype, null), format_type(1043, 24), format_type(1700, 655366), pg_get_userbyid(10) is not null as owner;
select has_table_privilege('pg_class', 'select'), has_schema_privilege('public', 'usage'), pg_encoding_to_char(6);
select to_regclass('pg_class')::oid = 'pg_class'::regclass::oid as same, to_regclass('nosuch_relation');
select count(*), count(*) filter (where catcode = 'R'), count(*) filter (where not barelabel) from pg_catalog.pg_get_keywords();
select string_agg(word, ',') from pg_catalog.pg_get_keywords() where word <> ALL ('{a,abs,absolute,action}'::text[]) and catcode = 'R' and word < 'c';
