-- Multi-row VALUES of an INSERT are read against the target columns: quoted constants take
-- the column's type, DEFAULT is the column's default; stored values are fitted to numeric(p,s)
-- and char(n) before they are routed and returned.
create table iv (id serial, s text default 'dflt', n int default 42, x numeric, y numeric(5,2) default 1.5, b boolean, f float8);
insert into iv (s, n, x, y, b, f) values ('a', 1, 1, 1, true, 1), (default, '5', '1.5', default, 'f', '2.5e1'), ('c', default, null, '2.555', null, null);
insert into iv values (default, default, default, default, default, default, default), (default, 'z', 3, '4', 5, 'yes', 0.5) returning *;
insert into iv (n) values (1), ('x');
insert into iv (n) values (1), ('2.5');
select * from iv order by id;
create table rt (k numeric(4,1) primary key, y numeric(5,2), c char(4), v varchar(3));
insert into rt values (1.04, 1.5, 'ab', 'abc') returning *;
insert into rt values (2, 2.555, 'x', 'xy'), (3.25, '7', 'yy  ', 'z  ') returning *;
update rt set y = y + 0.001, c = 'q' where k = 2 returning *;
select * from rt where k = 1.0;
select * from rt order by k;
delete from rt where k = 3.3 returning *;
insert into rt (k, y) values (5, 1), (6, default) returning k, y;
-- more expressions than columns: 42601 at the first extra one
insert into rt values (9, 1, 'a', 'b', 'extra');
insert into rt (k, y) values (9, 1), (10, 2, 3);
insert into rt (k) select 1, 2;
select 1;
