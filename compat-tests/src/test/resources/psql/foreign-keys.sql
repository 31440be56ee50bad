-- FOREIGN KEY constraints, enforced as PostgreSQL 15 enforces them (MATCH SIMPLE, NO ACTION by default)
create table p (id int primary key, name text);
create table c (id int primary key, p int references p, note text);
insert into p values (1, 'one'), (2, 'two'), (3, 'three');
insert into c values (10, 1, 'a');
insert into c values (11, 5, 'b');
insert into c values (12, null, 'no parent needed');
insert into c values (13, 2, 'x'), (14, 7, 'y');
update c set p = 9 where id = 10;
update c set p = 3 where id = 10;
select * from c order by id;
-- a referenced row cannot go while it is referenced (NO ACTION)
delete from p where id = 3;
update p set id = 30 where id = 3;
update p set name = 'THREE' where id = 3;
delete from p where id = 1;
select * from p order by id;
-- the parent row inserted earlier in the same transaction, and in the same message
begin;
insert into p values (4, 'four');
insert into c values (15, 4, 'in a block');
select * from c where p = 4;
commit;
insert into p values (5, 'five'); insert into c values (16, 5, 'one message');
select * from c where p = 5;
begin;
insert into c values (17, 6, 'no parent yet');
rollback;
select count(*) from c;
-- table constraints, names, composite keys, ON DELETE actions
create table pk2 (a int, b int, v text, primary key (a, b));
create table ck2 (id int primary key, a int, b int, constraint ck2_ab foreign key (a, b) references pk2 (a, b) on delete cascade);
insert into pk2 values (1, 1, 'x'), (1, 2, 'y');
insert into ck2 values (1, 1, 1), (2, 1, 2), (3, 1, 2), (4, null, 9);
insert into ck2 values (5, 2, 1);
delete from pk2 where a = 1 and b = 2;
select * from ck2 order by id;
create table sn (id int primary key, p int references p (id) on delete set null);
insert into sn values (1, 2), (2, 4), (3, null);
delete from p where id = 2;
delete from c where p = 2;
delete from p where id = 2;
select * from sn order by id;
-- DELETE CASCADE reaches the grandchildren, RESTRICT stops it
create table g (id int primary key);
create table gc (id int primary key, g int references g on delete cascade);
create table ggc (id int primary key, gc int references gc on delete restrict);
insert into g values (1), (2);
insert into gc values (10, 1), (20, 2);
insert into ggc values (100, 10);
delete from g where id = 1;
delete from g where id = 2;
select * from gc order by id;
-- a table that references itself
create table emp (id int primary key, boss int references emp);
insert into emp values (1, null), (2, 1), (3, 2);
insert into emp values (4, 44);
insert into emp values (5, 5);
delete from emp where id = 2;
delete from emp where id in (2, 3);
select * from emp order by id;
-- what may be referenced: a primary key or a unique constraint, of the same type
create table u (k int, t text);
create table bad1 (x int references u (k));
create table bad2 (x int references u);
create table bad3 (x text references p (id));
create table bad4 (x int references nope);
create table bad5 (x int references p (nope));
create table bad6 (x int, y int, foreign key (x, y) references p (id));
alter table u add unique (k);
alter table u add constraint u_t_unique unique (t);
create table ok1 (x int references u (k), y text references u (t));
insert into u values (1, 'a'), (2, 'b');
insert into ok1 values (1, 'a'), (2, null);
insert into ok1 values (3, 'a');
insert into ok1 values (1, 'z');
-- ADD UNIQUE over duplicates, DROP CONSTRAINT of a unique constraint
create table d (v int);
insert into d values (1), (1), (2);
alter table d add unique (v);
alter table d add constraint d_v_uq unique (v);
delete from d where v = 1;
alter table d add constraint d_v_uq unique (v);
insert into d values (2);
alter table d drop constraint d_v_uq;
insert into d values (2);
select * from d order by v;
-- ALTER TABLE … ADD FOREIGN KEY checks the rows there are; DROP CONSTRAINT lifts it
create table later (id int primary key, p int);
insert into later values (1, 3), (2, 99);
alter table later add foreign key (p) references p;
delete from later where id = 2;
alter table later add foreign key (p) references p;
alter table later add constraint later_again foreign key (p) references p (id);
insert into later values (3, 98);
alter table later drop constraint later_p_fkey;
insert into later values (3, 98);
alter table later drop constraint later_again;
insert into later values (4, 97);
select * from later order by id;
-- DROP TABLE and TRUNCATE of a referenced table
drop table g;
drop table gc;
truncate g;
drop table gc cascade;
insert into ggc values (101, 12345);
drop table g;
select * from ggc order by id;
