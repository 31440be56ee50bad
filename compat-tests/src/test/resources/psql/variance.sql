-- stddev, variance and their _pop/_samp forms: numeric with PostgreSQL's scale, float8 by Youngs-Cramer
select stddev_samp(x), var_samp(x), stddev_pop(x), var_pop(x), stddev(x), variance(x) from (values (1),(2),(3),(4)) t(x);
select stddev(x), variance(x) from (values (1.5),(2.25),(3.125)) t(x);
select stddev(x), var_pop(x) from (values (1.5::float8),(2.25::float8),(3.125::float8)) t(x);
select stddev(x), var_samp(x) from (values (100000),(200000),(300001)) t(x);
select stddev(x), var_samp(x) from (values (0.001),(0.002)) t(x);
select stddev_samp(x), var_pop(x) from (values (5)) t(x);
select stddev(x) from (values (null::int)) t(x);
select var_pop(x) from (values (7),(7),(7)) t(x);
create table sd_t (id int primary key, g int, v numeric(8,2), f float8);
insert into sd_t values (1, 1, 10.50, 1.5), (2, 1, 11.25, 2.5), (3, 2, 3.00, null), (4, 2, 4.75, 4.0), (5, 2, 9.99, 8.0);
select g, stddev(v), variance(v), stddev(f), var_pop(f) from sd_t group by g order by g;
select stddev(id), variance(v) from sd_t;
drop table sd_t;

-- bit_and, bit_or, bit_xor
select bit_and(x), bit_or(x), bit_xor(x) from (values (12),(10),(null),(6)) t(x);
select bit_and(x::bigint), bit_or(x::smallint) from (values (12),(10)) t(x);
select g, bit_or(v) from (values (1, 1), (1, 4), (2, 8)) t(g, v) group by g order by g;
select bit_and(x) from (values (null::int)) t(x);
