-- LATERAL: subqueries and set-returning functions reading earlier FROM items; SELECT * keeps duplicate column names
create table lo (id int primary key, cust int, amount int);
insert into lo values (1, 10, 2), (2, 20, 3), (3, 30, 0);
select * from lo, generate_series(1, lo.amount) g order by 1, 4;
select * from lo cross join lateral generate_series(1, lo.amount) as g order by 1, 4;
select lo.id, g from lo, lateral generate_series(lo.amount, 1, -1) g order by 1, 2;
select lo.id, s from lo left join lateral generate_series(1, lo.amount) s on true order by 1, 2;
select * from lo join generate_series(1, 3) g on g = lo.amount order by 1;
select id, x from lo, generate_series(1, 2) as t(x) order by 1, 2;
select * from generate_series(1, 2) a, generate_series(a, 2) b order by 1, 2;
create table lol (id int primary key, qty int);
insert into lol values (10, 5), (20, 6);
select * from lo, lateral (select * from lol where lol.id = lo.cust) x order by 1;
select lo.id, x.m from lo left join lateral (select max(qty) m from lol where lol.id > lo.cust) x on true order by 1;
select * from lo, lateral (select lo.amount * 2 as d) y order by 1;
select * from lo join lol on lo.cust = lol.id order by 1;
select lo.id, lol.id, lo.id as id0 from lo join lol on lo.cust = lol.id order by 1;
