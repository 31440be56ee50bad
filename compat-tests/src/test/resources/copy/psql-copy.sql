create table copy_psql (id int, v int, s text);
copy copy_psql from stdin;
1	10	one
2	\N	two\ttab
3	30	\N
\.
select * from copy_psql order by id;
copy copy_psql from stdin;
4	40	four
5	xx	five
\.
select count(*) from copy_psql;
copy copy_psql (id, s) from stdin with (format csv, header true);
id,s
6,"six, with comma"
7,
8,""
\.
select id, v, s, s is null as isnull from copy_psql order by id;
copy copy_psql from stdin with csv;
9,90,"unterminated
\.
copy copy_psql (id, nope) from stdin;
copy copy_psql (id, id) from stdin;
copy copy_psql_nope from stdin;
copy copy_psql from stdin with (format xml);
copy copy_psql from stdin with (delimiter ';;');
copy copy_psql from stdin with (quote '"');
copy copy_psql from stdin with (header match);
id	v	s
10	100	ten
\.
copy copy_psql from stdin with (header match);
id	x	s
11	110	eleven
\.
copy copy_psql to stdout with (header match);
copy (select id, s from copy_psql where id > 9 order by id) to stdout with (format csv, header);
begin;
copy copy_psql from stdin;
13	130	thirteen
\.
select count(*) from copy_psql;
rollback;
select count(*) from copy_psql;
begin;
copy copy_psql from stdin;
14	140	fourteen
\.
commit;
select count(*) from copy_psql;
begin;
copy copy_psql from stdin;
15	bad	x
\.
select 1;
rollback;
copy copy_psql from stdin;
16	160	sixteen	extra
\.
copy copy_psql from stdin;
17	170
\.
copy copy_psql from stdin with (format csv, delimiter '|', null 'NULL', quote '''');
18|NULL|'it''s'
19|190|NULL
\.
select id, v, s from copy_psql where id >= 18 order by id;
copy copy_psql from stdin;
20	200	x\.
21	210	y
\.
select count(*) from copy_psql where id >= 20;
copy copy_psql from stdin delimiter ',' null '';
22,,z
\.
select id, v from copy_psql where id = 22;
insert into copy_psql values (30, 300, 'before') \; copy copy_psql from stdin \; select count(*) from copy_psql where id >= 30 \; select 1/0;
31	310	thirty-one
\.
select count(*) from copy_psql where id >= 30;
insert into copy_psql values (30, 300, 'before') \; copy copy_psql from stdin \; select count(*) from copy_psql where id >= 30;
31	310	thirty-one
\.
select count(*) from copy_psql where id >= 30;
create table copy_psql_file (id int, v int, s text);
\copy copy_psql_file from '@DATAFILE@' with (format csv)
\copy (select id, s from copy_psql_file order by id) to stdout with (format csv, header)
\copy (select id, v, s from copy_psql_file order by id) to stdout
select count(*), sum(id), sum(v) from copy_psql_file;
