-- bool_and / bool_or / every, and the error of a function called with the wrong type
create table bool_agg_t (id int primary key, g int, b boolean);
insert into bool_agg_t values (1, 1, true), (2, 1, false), (3, 2, true), (4, 3, null), (5, 2, null);
select g, bool_and(b), bool_or(b), every(b) from bool_agg_t group by g order by 1;
select bool_and(b), bool_or(b), every(b) from bool_agg_t;
select bool_and(b) from bool_agg_t where g = 2;
select bool_or(b) from bool_agg_t where id > 100;
select bool_and(id) from bool_agg_t;
