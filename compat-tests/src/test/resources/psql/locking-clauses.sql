-- SELECT's locking clauses (FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE), as ORMs send them
create table lock_author (id bigint primary key, name text, version integer not null);
create table lock_book (id bigint primary key, author_id bigint, title text);
insert into lock_author values (1, 'Tolkien', 0), (2, 'Austen', 3);
insert into lock_book values (10, 1, 'The Hobbit'), (11, 2, 'Emma');
select id, name from lock_author where id = 1 for update;
select id, name from lock_author where id = 1 for no key update;
select id, name from lock_author order by id for share;
select id, name from lock_author order by id for key share;
-- Hibernate's pessimistic write lock on an aliased table
select a1_0.id, a1_0.name, a1_0.version from lock_author a1_0 where a1_0.id = 2 for no key update of a1_0;
select b.title, a.name from lock_book b join lock_author a on a.id = b.author_id order by b.id for update of b, a nowait;
select id from lock_author order by id for update skip locked;
select id from lock_author order by id limit 1 for update;
select id from lock_author order by id for update limit 1;
select id from lock_author order by id offset 1 rows fetch first 1 rows only for update;
select id from lock_author for update for share of lock_author;
select * from (select id from lock_author where id = 2 for update) s;
select 1 as one for update;
-- in a transaction
begin;
select name from lock_author where id = 1 for update;
update lock_author set name = 'J.R.R. Tolkien', version = version + 1 where id = 1 and version = 0;
commit;
select * from lock_author order by id;
-- what PostgreSQL refuses
select count(*) from lock_author for update;
select distinct name from lock_author for update;
select author_id from lock_book group by author_id for share;
select id from lock_author union select id from lock_book for update;
select row_number() over () from lock_author for no key update;
select id from lock_author a for update of lock_author;
select id from lock_author for update of nosuch;
update lock_author set version = 0 for update;
drop table lock_book;
drop table lock_author;
