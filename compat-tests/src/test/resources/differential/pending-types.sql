-- Types being added to the server (uuid, bytea, json/jsonb, interval, time, arrays): run and
-- reported by DifferentialIT without failing it. When a type is in, move its lines to
-- queries.sql (and give setup.sql a column of it). One statement per line.

-- uuid
select 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 'A0EEBC999C0B4EF8BB6D6BB9BD380A11'::uuid;
select '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'::uuid::text;
select 'not-a-uuid'::uuid;

-- bytea
select '\x0001ff'::bytea, ''::bytea, 'abc'::bytea, E'\\000\\377'::bytea;
select octet_length('\x0001ff'::bytea), 'a\\b'::bytea, '\x'::bytea || '\xff'::bytea;

-- json, jsonb
select '{"a": 1, "b": [1, 2.50, null]}'::json, '{"b": [1, 2.50, null], "a": 1}'::jsonb;
select '"text ✓"'::jsonb, '1e3'::jsonb, '[]'::json, 'null'::jsonb, '{"a":{"b":"c"}}'::jsonb -> 'a';
select '{"a": 1}'::jsonb ->> 'a', '[1,2,3]'::jsonb -> 1, '{"a":1}'::jsonb @> '{"a":1}';
select '{bad json'::jsonb;

-- interval
select '1 day'::interval, '1 year 2 mons 3 days 04:05:06.789'::interval, '-1 hour'::interval, '0'::interval;
select '1 day 25 hours'::interval, '90 minutes'::interval, '1.5 years'::interval, interval '2 weeks';
select timestamp '2024-01-31 00:00' + interval '1 month', date '2024-03-01' - interval '1 day';
select timestamp '2024-03-05 12:00' - timestamp '2024-03-01 00:00', age(timestamp '2024-03-05', timestamp '2020-01-01');

-- time
select '12:34:56'::time, '00:00'::time, '23:59:59.999999'::time, '24:00:00'::time;
select '12:34:56.5'::time(0), time '01:02:03.1234567', '12:00'::time + interval '90 minutes';
select timestamp '2024-03-05 14:07:09.5'::time;

-- arrays
select array[1, 2, 3], array['a', 'b c', null], array[1.5, 2], '{}'::int[];
select '{1,2,3}'::int[], '{{1,2},{3,4}}'::int8[], array[true, false], array['2024-01-01'::date];
select array_length(array[1, 2, 3], 1), (array[10, 20, 30])[2], array[1, 2] || 3, cardinality(array[1, 2]);
select array_agg(id order by id) from diff_numbers;
select 1 = any(array[1, 2]), unnest(array[3, 1, 2]);
