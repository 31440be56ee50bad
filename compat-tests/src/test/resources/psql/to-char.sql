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
