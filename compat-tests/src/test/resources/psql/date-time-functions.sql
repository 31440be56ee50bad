select date_trunc('month', timestamp '2024-03-15 10:20:30'), date_trunc('hour', timestamptz '2024-03-15 10:20:30+00'), date_trunc('week', timestamp '2024-03-14 10:00');
select date_trunc('year', date '2024-05-05'), date_trunc('quarter', timestamp '2024-05-05'), date_trunc('day', interval '3 days 04:05:06');
select age(timestamp '2024-03-15', timestamp '2020-01-31'), age(timestamp '2020-01-31', timestamp '2024-03-15 10:00'), age(timestamptz '2024-02-29', timestamptz '2023-12-30');
select to_timestamp(0), to_timestamp(1700000000.5), make_date(2024, 2, 29), make_timestamp(2024, 1, 2, 3, 4, 5.5);
select justify_hours(interval '50 hours'), justify_days(interval '65 days'), justify_interval(interval '1 mon -1 hour');
select extract(epoch from interval '1 day 2 hours'), extract(hour from interval '50 hours'), extract(month from interval '14 months'), extract(minute from time '10:45:30');
select date_part('second', interval '1 minute 30.5 seconds'), extract(year from interval '3 years 2 months');
select make_date(2023, 2, 29);
select date_trunc('fortnight', timestamp '2024-01-01');
