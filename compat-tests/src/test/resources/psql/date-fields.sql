create table moments (id int primary key, at timestamp, day date, stamped timestamptz);
insert into moments values (1, '2024-03-05 14:07:09.5', '2024-03-05', '2024-03-05 14:07:09.123456+02'), (2, '1999-12-31 23:59:59', '2000-01-01', '2000-01-01 00:00:00Z');
select id, extract(year from at) as y, extract(month from at) as m, extract(day from day) as d, extract(hour from stamped) as h, extract(dow from day) as dow, extract(doy from at) as doy, extract(quarter from at) as q, extract(week from day) as w from moments order by id;
select id, date_part('year', at) as y, date_part('minute', at) as mi, date_part('isodow', day) as isodow, date_part('epoch', day) as e from moments order by id;
select count(*) from moments where extract(year from at) = 2024;
select extract(century from day), extract(decade from day), extract(millennium from at) from moments order by id;
