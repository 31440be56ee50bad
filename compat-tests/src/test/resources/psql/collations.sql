-- COLLATE "C" / "POSIX" (byte order, what we compare by) and collations that do not exist
select 'a' collate "C", 'a' < 'b' collate "C", 'b' < 'a' collate "POSIX";
select 'B' < 'a' collate "C", ('1' collate "C") = 1, '10' collate "C" - 1;
select 'a' collate "c";
select 'a' collate "Invalid";
select 123 collate "C";
create table coll_t (a text collate "C", b varchar(10) collate "POSIX", c int);
insert into coll_t values ('b', 'B', 1), ('a', 'A', 2), ('B', 'b', 3);
select a from coll_t order by a collate "C";
select b from coll_t order by b;
create table coll_bad (a text collate "pOsIx");
create table coll_bad (b int collate "C");
drop table coll_t;
