-- casts to numeric without precision keep every digit, as PostgreSQL's unconstrained numeric
select 0.5::numeric as a, 1.23456789::numeric as b, cast(2.5 as numeric) as c, 10::numeric / 4 as d, '3.14159'::numeric as e, 2.5::float8::numeric as f;
select 0.5::numeric;
select 7::numeric, (1.5 + 2)::numeric * 2, null::numeric, 0.5::numeric(5,2), 1.005::decimal;
select 'abc'::numeric;
select pg_typeof(0.5::numeric);
