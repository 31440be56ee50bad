select 2 ^ 10, 2::float8 ^ 0.5, 0.1::numeric ^ 3, -2 ^ 2, (-2) ^ 3, 2 * 3 ^ 2, 2 ^ 3 ^ 2;
select 4 ^ 0.5 = 2, power(2, 3) = 2 ^ 3;
create table pw (id int primary key, x float8, n numeric);
insert into pw values (1, 1.5, 2.5);
select x ^ 2, n ^ 2, x ^ n from pw;
drop table pw;
