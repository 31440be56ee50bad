-- COLLATE: the database's collations (C, POSIX, ucs_basic, default) all compare bytewise
select 'a' collate "C", 'a' < 'b' collate "C", 'b' < 'a' collate "POSIX", (varchar 't') collate "C";
select 'a' < ('b' collate "C"), '1' collate "C" > 2, ('1' collate "C") = 1, '10' collate "C" - 1;
select x collate "C", x collate pg_catalog."default" || 'y', 'a' collate ucs_basic from (values ('q')) t(x);
select x from (values ('b'), ('B'), ('a'), ('_')) t(x) order by x collate "C";
select 'a' collate "C" collate "POSIX", upper('a' collate "C");
select 'a' collate "c";
select 'a' collate "pOsIx";
select 'a' collate "Invalid";
select ('a' < 'b') collate "C";
select 123 collate "C";
create table collated (a text collate "C", b varchar(5) collate "POSIX", c int);
insert into collated values ('x', 'y', 1);
select a collate "C", b from collated;
drop table collated;
create table collated (a text collate "pOsIx");
create table collated (a text collate "POSIX", b int collate "C");
