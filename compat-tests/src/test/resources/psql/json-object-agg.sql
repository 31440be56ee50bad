-- json_object_agg and jsonb_object_agg, with ORDER BY and FILTER
create table object_agg (v1 boolean, v2 int, v3 varchar, v4 jsonb, v5 timestamp, v6 interval);
-- a row of NULLs beside strings for jsonb, timestamp and interval columns
insert into object_agg values
    (null, null, null, null, null, null),
    (false, 1, 'ccc', 'null',  '2019-01-01 01:00:00', '1 day'),
    (true,  2, 'bbb', 'false', '2020-01-01 02:00:00', '2 days'),
    (true,  3, 'aaa', '{}',    '2021-01-01 03:00:00', '3 days');
select jsonb_object_agg(v3, v1 order by v3) filter (where v3 is not null) from object_agg;
select jsonb_object_agg(v3, v2::int2 order by v3) filter (where v3 is not null) from object_agg;
select jsonb_object_agg(v3, v4 order by v3) filter (where v3 is not null) from object_agg;
select jsonb_object_agg(v3, v5 order by v3) filter (where v3 is not null) from object_agg;
select jsonb_object_agg(v3, v6 order by v3) filter (where v3 is not null) from object_agg;
select json_object_agg(v3, v2 order by v2 desc) filter (where v3 is not null) from object_agg;
select json_object_agg(v3, v4 order by v2) filter (where v3 is not null) from object_agg;
select jsonb_object_agg(v3, v1) from object_agg;
select json_object_agg(v3, v1) from object_agg;
select v1, jsonb_object_agg(v3, v2 order by v2), json_object_agg(v3, v2 order by v2) from object_agg where v3 is not null group by v1 order by v1;
select jsonb_object_agg(k, v) from (values ('a', 1), ('b', 2), ('a', 3)) t(k, v);
select json_object_agg(k, v) from (values ('a', 1), ('b', null), ('a', 3)) t(k, v);
select jsonb_object_agg(k, v) is null, json_object_agg(k, v) is null from (values ('a', 1)) t(k, v) where false;
select jsonb_object_agg(k, v) from (values (1, 'x'), (22, 'y')) t(k, v);
select jsonb_agg(v3 order by v3) filter (where v3 >= 'bbb'), jsonb_agg(v4 order by v3) from object_agg;
drop table object_agg;
