-- Joins over several tables: inner, comma, LEFT with NULLs, join with aggregation and a view.
create table customers (id int primary key, name text not null);
create table orders (id int primary key, customer int, amount int);
insert into customers values (1, 'ada'), (2, 'bob'), (3, 'cy');
insert into orders values (10, 1, 5), (11, 1, 7), (12, 2, 3), (13, null, 9);
select c.name, o.amount from customers c join orders o on o.customer = c.id order by o.id;
select c.name, o.id from customers c, orders o where o.customer = c.id and o.amount > 4 order by 2;
select c.name, o.id from customers c left join orders o on o.customer = c.id order by c.id, o.id;
select c.name, count(o.id), sum(o.amount) from customers c left join orders o on o.customer = c.id group by c.name order by c.name;
select count(*) from customers a, customers b;
create view big_orders as select o.id, c.name from orders o join customers c on c.id = o.customer where o.amount >= 5;
select * from big_orders order by id;
select c.name, o.id from orders o right join customers c on c.id = o.customer order by c.name, o.id;
