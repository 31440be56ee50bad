-- interval literals with field qualifiers, typed literals int '…' and float '…', and E'' escapes
select interval '1' month, interval '14' month, interval '1' year, interval '2' day, interval '1.5' second;
select interval '1' month = interval '30' day, interval '1' day = interval '24' hour;
select interval '1' day - interval '12' hour = interval '12' hour;
select interval '1 day 2:03:04' day to second, interval '3' hour to minute;
select timestamp '1926-08-17 00:00:00' + interval '1' year + interval '14' month - interval '1' day + interval '1' hour;
select interval '1' second * 59, interval '1' year / 5, interval '14000' / int '14', interval '20' / float '12.5';
select int '14' + 1, float '12.5' * 2;
select distinct * from (values (interval '1' month), (interval '30' day)) as t(i) order by 1;
select e'\ta', e'hello\x3fworld', e'\u003f', e'\55p', e'\pp', e'\45pp', e'a\'''z', e'\\';
select e'\x80';
select e'\200';
select e'\u00e9t\xc3\xa9', length(e'ab\tc'), e'no escapes';
