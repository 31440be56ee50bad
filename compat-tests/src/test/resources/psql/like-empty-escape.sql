-- LIKE … ESCAPE '': no escape character at all (Hibernate adds it to every HQL LIKE)
create table titles (id int primary key, title text);
insert into titles values (1, 'The Hobbit'), (2, '100% Pure'), (3, 'a\b'), (4, 'a_b'), (5, 'The_Dispossessed');
select id from titles where title like 'The%' escape '' order by id;
select id from titles where title like '100%' escape '' order by id;
select id from titles where title like 'a\b' escape '' order by id;
select id from titles where title like 'a\_b' escape '' order by id;
select id from titles where title like 'a\%' escape '' order by id;
select id from titles where title like 'a\b' order by id;
select id from titles where title not like '%\%' escape '' order by id;
select id from titles where title ilike 'the%' escape '' order by id;
select id from titles where title not ilike 'THE%' escape '' order by id;
select id from titles where title like '%!_%' escape '!' order by id;
select 'a\b' like 'a\b' escape '' as backslash_is_literal, 'a%' like 'a%' escape '' as percent, 'x' like '%' escape '' as everything;
select id from titles where title like title escape '' order by id;
select id from titles where title like 'The%' escape 'ab';
drop table titles;
