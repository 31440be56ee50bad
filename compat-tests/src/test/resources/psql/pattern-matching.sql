-- LIKE, ILIKE, SIMILAR TO and their NOT forms, with and without ESCAPE, over a table.
create table pm_words (id int primary key, word text);
insert into pm_words values (1, 'apple'), (2, 'Apricot'), (3, 'banana'), (4, '50% off'), (5, 'a_b'), (6, 'axb'), (7, null), (8, 'line1
line2');
select id, word from pm_words where word like 'a%' order by id;
select id, word from pm_words where word ilike 'a%' order by id;
select id, word from pm_words where word not like '%an%' order by id;
select id from pm_words where word like '%\%%' order by id;
select id from pm_words where word like '%!%%' escape '!' order by id;
select id from pm_words where word like 'a\_b' order by id;
select id from pm_words where word like 'a_b' order by id;
select id from pm_words where word similar to '(apple|banana)' order by id;
select id from pm_words where word similar to '[ab]%' order by id;
select id from pm_words where word not similar to '%a%' order by id;
select id from pm_words where word like 'line1%line2' order by id;
select id, word like 'a%' as starts_a, word ilike '%A%' as has_a from pm_words order by id;
select count(*) from pm_words where word like 'x%' or word ilike 'B%';
select 'abc' like 'abc\';
select 'abc' similar to '[ab';
select 'ok' as still_here;
