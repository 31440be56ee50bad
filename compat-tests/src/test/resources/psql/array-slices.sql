select (array[1, null, 2])[2:3], (array[1, null, 2])[:2], (array[1, null, 2])[2:], (array[1, null, 2])[:];
select (array[1, null, 2])[3:1], (array[1, null, 2])[:0], (array[1, null, 2])[-1:], (array[1, null, 2])[5:], (array[1, null, 2])[0:999];
select (array[1, 2, 3])[null:2], (array[1, 2, 3])[1:null], (null::int[])[1:2], ('{a,b,c}'::text[])[2:3];
select array[]::int[], array[null], pg_typeof(array[null]), cast(null as bool[]), cast('{t,f}' as boolean[]);
create table slices (id int primary key, xs text[]);
insert into slices values (1, array['a', 'b', 'c', 'd']), (2, '{}'), (3, null);
select id, xs[2:3], xs[:1], xs[3:], cardinality(xs[2:]) from slices order by id;
drop table slices;
