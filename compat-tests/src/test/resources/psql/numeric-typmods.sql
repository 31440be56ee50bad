-- numeric(p, s) columns round what they store to s digits and refuse what does not fit, as PostgreSQL 15 (scales above the precision and below zero included)
create table typmod_t (id int primary key, price numeric(10,2), ratio numeric(5), free numeric);
insert into typmod_t values (1, 1.005, 2.5, 1.005), (2, 2.5, 3.4, 2.5), (3, -0.125, -2.5, null);
select * from typmod_t order by id;
insert into typmod_t values (4, 123456789.999, 1, 1);
insert into typmod_t values (4, 12345678.994, 99999, 1);
insert into typmod_t values (5, 1, 100000, 1);
update typmod_t set price = price * 3 where id = 2;
select id, price, price * 2, ratio from typmod_t order by id;
create table typmod_bad (a numeric(0));
create table typmod_bad (a numeric(3, 5));
insert into typmod_bad values (0.000123456), (0.01);
select * from typmod_bad;
create table typmod_neg (a numeric(3, -2));
insert into typmod_neg values (12345), (99999);
select * from typmod_neg;
