-- string_agg (without ORDER BY inside: the order of a group's values is the scan's, as PostgreSQL promises nothing either; the test keeps one value per group where order could differ)
create table string_agg_t (id int primary key, g int, t text, n int);
insert into string_agg_t values (1, 1, 'a', 10), (2, 1, null, 20), (3, 2, 'c', 30);
select g, string_agg(t, ', ') from string_agg_t group by g order by 1;
select length(string_agg(t, '-')) from string_agg_t;
select string_agg(t, null) is not null from string_agg_t where g = 2;
select string_agg(t, ',') from string_agg_t where id > 100;
select g, string_agg(n::text, '+') filter (where n > 10) from string_agg_t group by g order by 1;

-- ORDER BY inside string_agg: within each group, nulls last ascending and first descending
create table sa_t (id int primary key, grp text, name text, score int);
insert into sa_t values (1, 'a', 'x', 3), (2, 'a', 'y', 1), (3, 'b', 'z', 2), (4, 'a', null, 2), (5, 'b', 'w', null), (6, 'c', 'v', 5);
select string_agg(name, ',' order by name) from sa_t;
select string_agg(name, ',' order by name desc) from sa_t;
select grp, string_agg(name, '-' order by score) as by_score from sa_t group by grp order by grp;
select grp, string_agg(name, '-' order by score desc, name) as by_score_desc from sa_t group by grp order by grp;
select grp, count(*), string_agg(name, '|' order by id desc) from sa_t group by grp order by grp;
select string_agg(name, ',' order by id) from sa_t where id > 100;
select string_agg(g::text, ',' order by g desc) from generate_series(1, 5) g;
drop table sa_t;
