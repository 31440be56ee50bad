-- GROUPING SETS, ROLLUP and CUBE, and GROUPING(): each set is a GROUP BY of its own,
-- keys outside the set are NULL.
create table sales (region text, product text, year int, amount numeric(10,2));
insert into sales values
  ('north', 'apple', 2023, 10.50), ('north', 'apple', 2024, 12.00), ('north', 'pear', 2024, 7.25),
  ('south', 'apple', 2023, 3.00), ('south', 'pear', 2023, 8.00), ('south', 'pear', 2024, 9.75),
  (null, 'apple', 2024, 1.00);
select region, product, sum(amount) from sales group by grouping sets ((region), (product), ()) order by grouping(region), grouping(product), 1, 2;
select region, product, sum(amount), grouping(region, product) from sales group by rollup (region, product) order by 1, 2, 4;
select region, year, count(*), grouping(region), grouping(year) from sales group by cube (region, year) order by 1, 2, 4, 5;
-- a plain key beside a rollup: every set has the plain key
select year, region, max(amount) from sales group by year, rollup (region) order by 1, 2;
select region, product, sum(amount) from sales group by grouping sets ((region, product), (region)) having sum(amount) > 10 order by 1, 2;
select grouping(product) as g, product, count(distinct region) from sales group by rollup (product) order by g, product;
select region, sum(amount) from sales where false group by rollup (region);
select coalesce(region, 'all') as r, avg(amount)::numeric(10,3) from sales group by rollup (region) order by grouping(region), 1;
select product, year, sum(amount) from sales group by grouping sets ((product), (year)) order by grouping(product), 1, 2;
select region, product, sum(amount) from sales group by grouping sets ((region), (region)) order by 1;
-- GROUPING of a column that is not grouped is an error, as in PostgreSQL
select grouping(amount) from sales group by rollup (region);
select 1;
