alter table customers add column email text;

insert into customers (id, name, email) values
    (1, 'Ada', 'ada@example.com'),
    (2, 'Grace', null);

insert into orders (id, customer_id, amount) values
    (10, 1, 12.50),
    (11, 1, 3.25),
    (12, 2, 7.00);
