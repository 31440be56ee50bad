-- An error's detail shows a row or key with each type's output function: booleans as t and f
create table flags (id int primary key, active boolean not null, label text check (label <> ''));
insert into flags values (1, true, 'x');
insert into flags values (2, false, '');
create table flag_keys (active boolean primary key, note text);
insert into flag_keys values (true, 'on');
insert into flag_keys values (true, 'again');
create table flag_uses (id int primary key, active boolean references flag_keys);
insert into flag_uses values (1, false);
create table flag_pairs (a boolean, b boolean, unique (a, b));
insert into flag_pairs values (true, false);
insert into flag_pairs values (true, false);
select true::text as cast_text, false as output;
drop table flag_uses;
drop table flag_keys;
drop table flag_pairs;
drop table flags;
