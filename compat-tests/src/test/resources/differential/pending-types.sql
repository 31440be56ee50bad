-- Types being added to the server (uuid, bytea, json/jsonb, interval, time, arrays): run and
-- reported by DifferentialIT without failing it. When a type is in, move its lines to
-- queries.sql (and give setup.sql a column of it). One statement per line.

-- uuid

-- bytea

-- json, jsonb

-- interval

-- time
select '12:34:56'::time, '00:00'::time, '23:59:59.999999'::time, '24:00:00'::time;
select '12:34:56.5'::time(0), time '01:02:03.1234567', '12:00'::time + interval '90 minutes';
select timestamp '2024-03-05 14:07:09.5'::time;

-- arrays
select array[1, 2, 3], array['a', 'b c', null], array[1.5, 2], '{}'::int[];
select '{1,2,3}'::int[], '{{1,2},{3,4}}'::int8[], array[true, false], array['2024-01-01'::date];
select 1 = any(array[1, 2]), unnest(array[3, 1, 2]);
