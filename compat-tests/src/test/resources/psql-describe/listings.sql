-- psql's listings of databases, schemas, roles and functions, expanded output and timing
\l amelie
\dn
\du
\df
\df d9*
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
