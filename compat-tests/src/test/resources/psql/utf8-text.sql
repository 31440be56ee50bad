-- text outside Latin-1 as literals; upper/lower map character by character ('ß' stays, as towupper
-- leaves it); the case of other non-ASCII letters depends on the database locale, so not here
select '你好' as a, length('ü€'), upper('straße'), lower('ABC') || '😀' as e;
create table utf8_words (id int primary key, t text);
insert into utf8_words values (1, '日本語'), (2, 'ελληνικά'), (3, 'plain');
select id, t, length(t), octet_length(t) from utf8_words order by id;
select id from utf8_words where t = '日本語';
select t || '!' from utf8_words where id = 2;
