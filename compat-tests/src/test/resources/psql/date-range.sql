-- date and timestamp arithmetic out of PostgreSQL's ranges: 22008
select DATE '2022-08-09' - (INT '-2147483648');
select DATE '2022-08-09' + (INT '-2147483648');
select DATE '2022-08-09' + (INTERVAL '-2147483648 days');
select DATE '2022-08-09' + 3000000;
select timestamp '294276-12-31 23:59:59' + interval '1 second';
select timestamp '294276-12-31 23:59:58' + interval '1 second';
