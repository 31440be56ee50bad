-- Tables with a primary key, a foreign key and a secondary index.
create table customers (
    id   int primary key,
    name text not null
);

create table orders (
    id          int primary key,
    customer_id int not null references customers (id),
    amount      numeric(10, 2) not null
);

create index orders_customer_id on orders (customer_id);
