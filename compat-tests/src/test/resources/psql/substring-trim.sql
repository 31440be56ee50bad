-- substring(x FOR n) and trim(FROM x): PostgreSQL's forms Calcite's parser lacks
select substring('hello' for 2), substring('hello' from 2 for 2), substring('hello' from 3), substring('hello', 2, 3);
select trim(from '  x  ') || '|', trim(both 'x' from 'xxaxx'), trim(leading from '  x') || '|', trim(trailing 'y' from 'ayyy');
select substring(upper('hello') for 3) as s, trim(from substring('  abc  ' for 5)) as t;
select substring('hello' for -1);
select 'for' as "substring", 'from' as trim_word;
select substring('x::y' for 2)::text;
