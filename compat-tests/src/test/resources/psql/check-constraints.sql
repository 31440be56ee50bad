-- CHECK constraints: names as PostgreSQL chooses them, enforced on INSERT, UPDATE, COPY and upserts
create table ck (a int check (a > 0 and a < 10), b int check (b > a), c int check (c > 0),
                 check (a < 100), check (c < 100), constraint ck_named check (b <> 5), check (true));
insert into ck values (0, 1, 1);
insert into ck values (1, 5, 1);
insert into ck values (1, 0, 1);
insert into ck values (1, 2, null);
insert into ck values (null, null, null);
select * from ck order by a;
update ck set c = -1 where a = 1;
update ck set c = 50 where a = 1;
select * from ck order by a;
-- ADD CONSTRAINT … CHECK validates the rows there are
alter table ck add check (c > 1);
alter table ck add constraint ck_named check (c > 1);
insert into ck values (1, 2, 1);
alter table ck add constraint ck_small check (c < 10);
alter table ck add constraint ck_small2 check (c < 100);
alter table ck drop constraint nope;
alter table ck drop constraint if exists nope;
alter table ck drop constraint ck_named;
insert into ck values (1, 5, 2);
alter table ck rename constraint ck_small2 to ck_renamed;
alter table ck rename constraint ck_small2 to ck_renamed;
insert into ck values (1, 5, 200);
-- what a CHECK may not be
alter table ck add check (a > (select 1));
alter table ck add check (sum(a) > 1);
alter table ck add check (zz > 1);
alter table ck add check (a);
-- upserts and COPY
create table ck_up (k int primary key, v int check (v < 10));
insert into ck_up values (1, 1);
insert into ck_up values (1, 50) on conflict do nothing;
insert into ck_up values (1, 5) on conflict (k) do update set v = excluded.v + 10;
insert into ck_up values (1, 5) on conflict (k) do update set v = excluded.v;
select * from ck_up;
update ck_up set v = 20 returning *;
copy ck_up from stdin;
2	3
\.
select * from ck_up order by k;
-- a renamed column is renamed in the checks that read it; a dropped one takes them along
create table ck_cols (a int, b int check (b > 0), check (a > b));
alter table ck_cols rename column b to "B b";
insert into ck_cols values (1, -1);
insert into ck_cols values (3, 2);
alter table ck_cols drop column "B b";
insert into ck_cols values (-5);
select * from ck_cols order by a;
-- text and numeric checks
create table ck_text (s varchar(10) check (length(s) > 2), n numeric(5,2) check (n >= 0));
insert into ck_text values ('ab', 1);
insert into ck_text values ('abc', -0.5);
insert into ck_text values ('abc', 1.5);
select * from ck_text;
