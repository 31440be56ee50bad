-- UNIQUE constraints of CREATE TABLE: unique indexes named as PostgreSQL names them
create table ucon_a (id int primary key, email text unique, code int constraint ucon_a_code_named unique, x int, y int, unique (x, y));
insert into ucon_a values (1, 'a', 1, 1, 1);
insert into ucon_a values (2, 'a', 2, 1, 2);
insert into ucon_a values (2, 'b', 1, 1, 2);
insert into ucon_a values (2, 'b', 2, 1, 1);
insert into ucon_a values (2, 'b', 2, 1, 2);
insert into ucon_a values (3, null, null, null, 1), (4, null, null, null, 1);
select * from ucon_a order by id;
update ucon_a set email = 'b' where id = 1;
update ucon_a set code = code + 1;
select id, code from ucon_a order by id;
create table ucon_b (a int, b text, constraint ucon_b_pair unique (a, b));
insert into ucon_b values (1, 'x'), (1, 'x');
create table ucon_c (a int unique, b int unique (a));
create table ucon_d (a int, unique (nope));
drop index ucon_a_email_key;
insert into ucon_a values (5, 'b', 5, 5, 5);
