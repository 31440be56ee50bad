-- E'…' escape string constants as PostgreSQL's lexer reads them
select e'\ta|', e'hello\x3fworld', e'\u003f', e'\55p', e'\pp', e'\45pp', e'a\'''z', e'\\', E'\b\f\n\r|';
select e'\303\261x', e'\U0001F600', e'\ud800\udc00', e'\1234', e'\x4|', e'\xZ', e'\8', length(e'\x41\x42');
select 'x' || e'\'y\'' || 'z', e'' = '', upper(e'\x61bc');
select e'\x80';
select e'\200';
select e'\0';
select 1, e'\u00';
select e'\u0000';
select e'\xe9';
create table escapes (t text);
insert into escapes values (e'tab\there'), (e'quote\'s');
select t, length(t) from escapes order by t;
drop table escapes;
