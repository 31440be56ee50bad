select 'abc' ~ '^a.c$', 'abc' !~ 'x', 'ABC' ~* '^abc', 'ABC' !~* 'b';
select to_hex(255), to_hex(-1), to_hex(9223372036854775807), quote_literal('it''s'), quote_literal('a\b'), quote_ident('A b'), quote_ident('abc'), quote_ident('select');
create table rx (id int primary key, t text);
insert into rx values (1, 'apple'), (2, 'Banana'), (3, 'cherry');
select id from rx where t ~ '^[a-c]' order by id;
select id, t ~* 'AN' as m from rx order by id;
select 'a' ~ '(';
drop table rx;
