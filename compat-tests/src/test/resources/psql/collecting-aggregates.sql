create table ag (id int primary key, grp text, v int, d jsonb);
insert into ag values (1, 'a', 3, '{"x":1}'), (2, 'a', 1, null), (3, 'b', null, '[1]'), (4, 'a', 2, '"s"'), (5, 'c', 5, '{}');
select array_agg(v order by id) from ag;
select grp, array_agg(v order by v nulls first), array_agg(id order by v nulls first) from ag group by grp order by grp;
select json_agg(v order by id), jsonb_agg(d order by id) from ag;
select grp, json_agg(grp order by id), jsonb_agg(v order by id) from ag group by grp order by grp;
select array_agg(v) filter (where v > 1) from ag;
select array_agg(id order by id) from ag where grp = 'zzz';
drop table ag;
