-- A newcomer's first session (docs/getting-started.md), plus the errors a user meets first.
-- Each error is followed by its SQLSTATE so the comparison covers the code, not only the text.
create table accounts (id int primary key, owner text not null, balance bigint, active boolean);
insert into accounts values (1, 'ada', 100, true), (2, 'bob', 50, false), (3, 'cy', 75, true);
select * from accounts order by id;
update accounts set balance = balance + 25 where id = 2;
delete from accounts where active = false and balance < 10;
select owner, balance from accounts where balance >= 75 order by balance desc, owner;
select count(*) from accounts;
select count(*) from accounts where active;
delete from accounts where id = 3;
select id, owner from accounts order by id limit 1;
insert into accounts (id, owner) values (4, 'dee');
select id, owner, balance is null as no_balance from accounts order by id;
select 1 + 2 as three, 'x' || 'y' as xy, 7 / 2 as half, -5 % 3 as rem;
selec 1;
\echo :LAST_ERROR_SQLSTATE
select * from missing_table;
\echo :LAST_ERROR_SQLSTATE
insert into accounts values (1, 'again', 0, true);
\echo :LAST_ERROR_SQLSTATE
insert into accounts values ('one', 'x', 0, true);
\echo :LAST_ERROR_SQLSTATE
insert into accounts (id) values (9);
\echo :LAST_ERROR_SQLSTATE
select 1 / 0;
\echo :LAST_ERROR_SQLSTATE
select count(*) from accounts;
create table plain (a int, b text);
insert into plain values (1, 'x'), (1, 'x'), (null, null);
select count(*), count(a), count(b) from plain;
drop table plain;
drop table if exists plain;
select * from plain;
\echo :LAST_ERROR_SQLSTATE
