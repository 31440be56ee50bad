-- CASE, COALESCE and NULLIF in grouped queries; columns that are not grouped (allowed when the primary key is)
create table grp_case (a int primary key, b int, c text);
insert into grp_case values (1, 1, 'x'), (2, 2, null), (3, 2, 'z');
select case when a > 1 then 'x' else 'y' end as k from grp_case group by a order by 1;
select coalesce(c, '-') as c, count(*) from grp_case group by c order by 1;
select nullif(b, 2) as n, count(*) from grp_case group by b order by 1;
select b, case when count(*) > 1 then 'many' else 'one' end from grp_case group by b order by 1;
select b, c from grp_case group by a order by 1, 2;
select c from grp_case group by b;
