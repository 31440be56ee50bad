-- to_char of timestamps, timestamptz and dates: patterns, FM, TH, quoted text (session time zone UTC)
set timezone = 'UTC';
select to_char(timestamp '2024-03-05 14:07:09.123456', 'YYYY-MM-DD HH24:MI:SS');
select to_char(timestamp '2024-03-05 14:07:09.123456', 'DD Mon YYYY HH12:MI AM');
select to_char(timestamp '2024-03-05 04:07:09', 'FMDD FMMonth YYYY, FMHH12 am');
select to_char(timestamp '2024-03-05 14:07:09', 'Day DY dy Month MONTH month Mon MON mon');
select to_char(timestamp '2024-03-05 14:07:09.123456', 'MS US FF3 SSSS "text" \Y');
select to_char(timestamp '2024-12-31 23:59:59', 'DDD IW IYYY WW W D ID Q CC J RM rm');
select to_char(timestamp '2024-01-01 00:00:00', 'DDth DDTH FMDDth Yth');
select to_char(timestamp '2024-03-22 12:00:00', 'FMDDth FMMMth');
select to_char(date '2024-07-04', 'YYYY/MM/DD Day');
select to_char('2024-03-05 14:07:09+00'::timestamptz, 'YYYY-MM-DD HH24:MI:SS TZ OF');
select to_char(timestamp '2024-03-05 14:07:09', 'Y,YYY YYY YY Y A.D. a.m. P.M.');
select to_char(timestamp '2024-03-05 14:07:09', '"quoted \\" YYYY" YYYY \\YYYY');
-- to_char of numbers: 9 0 . D , G S MI PL SG FM, quoted text, overflow
select to_char(123.45, '999D99') a, to_char(-123.45, '999D99') b, to_char(5, '999') c, to_char(5, 'FM999') d, to_char(5, '000') e;
select to_char(1234567.891, '9,999,999.99') a, to_char(1234567.891, 'FM9,999,999.99') b, to_char(12, '9D9') c;
select to_char(0.5, '9.99') a, to_char(0.5, '0.99') b, to_char(-0.5, '9.99') c, to_char(12.3, 'FM99.00') d, to_char(12, 'FM99.99') e;
select to_char(-5, 'S999') a, to_char(5, 'S999') b, to_char(-5, '999MI') c, to_char(5, '999MI') d, to_char(-5, '999S') e;
select to_char(5, '9,999') a, to_char(1234, '9,999') b, to_char(-1234, '9,999') c, to_char(0, '999') d, to_char(0, '990') e;
select to_char(3.14159, '9.999') a, to_char(2.5, '9') b, to_char(-2.5, '9') c, to_char(1000000, '999') d, to_char(42, 'PL99') e;
select to_char(42, 'SG99') a, to_char(-42, 'SG99') b, to_char(42::bigint, '0000') c, to_char(42.0::float8, '99.9') d, to_char(7, '"No." 99') e;
select to_char(1234.5, 'FM9G999D00') a, to_char(0.001, 'FM0.000') b, to_char(100, 'FM999.') c, to_char(-0.001, '9.99') d;
select to_char(-42, 'PL99') a, to_char(-42, 'MI99') b, to_char(42, 'MI99') c, to_char(-7, 'FMS999') d, to_char(7, 'FM999MI') e;
select to_char(-1234.567, 'S9,999.99') a, to_char(0.25::float8, '0.0') b, to_char(99.995, '99.99') c, to_char(12345, '99999999') d;
