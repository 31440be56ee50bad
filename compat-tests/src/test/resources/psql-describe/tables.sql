-- psql's \d family on tables, indexes, views, sequences and schemas
create table d9a (id int primary key, name text not null default 'x', v numeric(10,2), c char(3) default 'ab', vc varchar(20), ts timestamp default now(), b boolean default true, n int default -1);
create index d9a_name on d9a (name);
create unique index d9a_vc on d9a (vc, c);
create table d9b (id bigserial primary key, a int references d9a(id) on delete cascade, note varchar(20) unique, qty int check (qty > 0));
create table d9c (x int, y text);
create table d9e (x int, y bigint, z boolean);
create view d9v as select id, name from d9a;
create sequence d9s start 5 increment 2;
create schema d9x;
create table d9x.inner_t (k text primary key, j jsonb, u uuid, d date, arr int[], "Mixed Case" int);
\dt
\d
\d d9a
\d d9b
\d d9c
\d+ d9a
\d+ d9b
\dt+ d9e
\dn
\di
\dv
\ds
\d d9x.inner_t
\dt d9x.*
\d d9x.*
\d d9a_pkey
\d d9v
\d d9s
\dt nosuch
\d nosuch
\dt d9*
\x
\d d9b
\x
drop view d9v;
drop table d9b;
drop table d9a;
drop table d9c;
drop table d9e;
drop table d9x.inner_t;
drop sequence d9s;
drop schema d9x;
\dt
