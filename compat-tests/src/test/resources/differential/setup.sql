-- Run once on each server, through the simple protocol, before any comparison; every
-- statement must succeed on both. Tables are read by queries.sql, never changed by it.

create table diff_numbers (id int primary key, b bool, s smallint, i int, l bigint, d double precision, n numeric, t text);
-- One row per INSERT: our multi-row VALUES does not yet resolve a quoted literal against
-- numeric literals of the same column (42601), PostgreSQL does (see known-differences.sql).
insert into diff_numbers values (1, true, 1, 10, 100, 1.5, 1.50, 'one');
insert into diff_numbers values (2, false, -2, -20, -200, -0.1, -0.001, 'two');
insert into diff_numbers values (3, null, null, null, null, null, null, null);
insert into diff_numbers values (4, true, 32767, 2147483647, 9223372036854775807, 1e300, '123456789012345678901234567890.123456789', 'big');
insert into diff_numbers values (5, false, -32768, -2147483648, -9223372036854775808, 5e-324, 0.000001, 'small');
insert into diff_numbers values (6, true, 0, 0, 0, 0, 0, '');

create table diff_texts (id int primary key, t text, v varchar(10), c char(5));
insert into diff_texts values
  (1, 'plain', 'abc', 'ab'),
  (2, 'ünïcödé ✓ 日本語 😀', 'żółw', 'ñ'),
  (3, 'tab	and ''quote'' and \ backslash', 'x y', ''),
  (4, null, null, null),
  (5, '', '', 'abcde');

create table diff_times (id int primary key, day date, at timestamp, stamped timestamptz);
insert into diff_times values
  (1, '2024-03-05', '2024-03-05 14:07:09.5', '2024-03-05 14:07:09.123456+02'),
  (2, '1999-12-31', '1999-12-31 23:59:59.999999', '1999-12-31 23:59:59Z'),
  (3, '2000-01-01', '2000-01-01 00:00:00', '2000-01-01 00:00:00+00'),
  (4, '1970-01-01', '1970-01-01 00:00:00.000001', '1970-01-01 00:00:00-05:30'),
  (5, '0001-01-01', '0001-01-01 00:00:00', '0001-01-01 00:00:00+00'),
  (6, '9999-12-31', '9999-12-31 23:59:59.999999', '9999-12-31 23:59:59.999999+00'),
  (7, null, null, null);

create table diff_sales (id int primary key, region text not null, amount int, price numeric(10,2), weight double precision, qty smallint, total bigint);
insert into diff_sales values
  (1, 'north', 10, 9.99, 1.25, 1, 1000),
  (2, 'north', 20, 19.50, 2.5, 2, 2000),
  (3, 'south', 5, 0.01, 0.125, 3, 3000),
  (4, 'south', null, null, null, null, null),
  (5, 'east', 7, 100.00, 3.75, 4, 4000),
  (6, 'east', 3, 33.33, 1e-3, 5, 5000),
  (7, 'west', -4, -1.10, -2.5, 6, 6000);
