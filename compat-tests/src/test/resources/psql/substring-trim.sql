-- substring(x FOR n) and trim(FROM x): PostgreSQL's forms Calcite's parser lacks
select substring('hello' for 2), substring('hello' from 2 for 2), substring('hello' from 3), substring('hello', 2, 3);
select trim(from '  x  ') || '|', trim(both 'x' from 'xxaxx'), trim(leading from '  x') || '|', trim(trailing 'y' from 'ayyy');
select substring(upper('hello') for 3) as s, trim(from substring('  abc  ' for 5)) as t;
select substring('hello' for -1);
select 'for' as "substring", 'from' as trim_word;
select substring('x::y' for 2)::text;

-- typed literals: type 'text' for the types Calcite lacks the form of (session time zone UTC)
set timezone = 'UTC';
select timestamptz '2024-01-02 03:04:05+00', int4 '5' + 1, numeric '1.50', bool 'true', text 'abc' || 'x';
select int8 '9000000000', float8 '1.5e3', int2 '7', real '2.5';
select 'x' as text, 'y' as "varchar";
select int4 'abc';
select count(*) from (values (1)) v(x) where x = int4 '1';
