create view customer_totals as
    select c.name, sum(o.amount) as total
    from customers c join orders o on o.customer_id = c.id
    group by c.name;
