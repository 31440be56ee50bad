-- string_agg (without ORDER BY inside: the order of a group's values is the scan's, as PostgreSQL promises nothing either; the test keeps one value per group where order could differ)
create table string_agg_t (id int primary key, g int, t text, n int);
insert into string_agg_t values (1, 1, 'a', 10), (2, 1, null, 20), (3, 2, 'c', 30);
select g, string_agg(t, ', ') from string_agg_t group by g order by 1;
select length(string_agg(t, '-')) from string_agg_t;
select string_agg(t, null) is not null from string_agg_t where g = 2;
select string_agg(t, ',') from string_agg_t where id > 100;
select g, string_agg(n::text, '+') filter (where n > 10) from string_agg_t group by g order by 1;
