select 1 where false;
select 1 as a where true;
select count(*) where 1 = 1;
select 2 having 1 > 0;
select x from (select 5 as x where true) s;
select exists (select 1 where false), (select 7 where true);
select 1 from (values (1)) v(a) where a = 1;
