-- Roles: CREATE / ALTER / DROP ROLE, GRANT / REVOKE, and what the catalogs and psql show of them.
create role conv_reader login password 'reader-secret';
create user conv_writer with connection limit 3;
create role conv_admin createrole createdb nologin;
create role conv_reader;
create role pg_mine;
create role public;
create role conv_limit connection limit -5;
select rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolconnlimit, rolpassword
from pg_roles where rolname like 'conv\_%' order by rolname;
select usename, usesuper, usecreatedb from pg_user where usename like 'conv\_%' order by usename;
\du conv_*
alter role conv_reader with nologin connection limit 5;
alter role conv_reader login;
alter user conv_writer password 'md5abcdefabcdefabcdefabcdefabcdefab';
alter role conv_admin rename to conv_boss;
alter role conv_nobody login;
select rolname, rolcanlogin, rolconnlimit from pg_roles where rolname like 'conv\_%' order by rolname;
create table conv_accounts (id int primary key, owner text, balance int);
insert into conv_accounts values (1, 'ann', 10), (2, 'bo', 20);
create view conv_rich as select owner from conv_accounts where balance > 15;
grant select on conv_accounts to conv_reader;
grant insert, update on table conv_accounts to conv_writer, conv_reader;
grant select on conv_rich to public;
grant usage on schema public to conv_writer;
grant select on conv_missing to conv_reader;
grant select on conv_accounts to conv_nobody;
grant usage on conv_accounts to conv_reader;
\dp conv_*
select relname, relacl from pg_class where relname like 'conv\_%' order by relname;
select has_table_privilege('conv_reader', 'conv_accounts', 'select'),
       has_table_privilege('conv_reader', 'conv_accounts', 'delete'),
       has_table_privilege('conv_writer', 'conv_accounts', 'select, insert'),
       has_table_privilege('conv_boss', 'conv_rich', 'select'),
       has_schema_privilege('conv_writer', 'public', 'usage'),
       has_schema_privilege('conv_writer', 'public', 'create');
set role conv_reader;
select current_user, session_user;
select * from conv_accounts order by id;
select * from conv_rich;
delete from conv_accounts;
update conv_accounts set balance = 0 where id = 1;
reset role;
set role conv_writer;
select * from conv_accounts;
insert into conv_accounts values (3, 'cy', 30);
update conv_accounts set balance = 1;
select owner from conv_rich;
reset role;
revoke insert on conv_accounts from conv_reader;
revoke all on conv_accounts from conv_writer;
revoke select on conv_rich from public;
\dp conv_*
drop role conv_reader;
revoke all on conv_accounts from conv_reader;
drop role conv_reader, conv_writer;
drop role if exists conv_reader, conv_boss;
drop role conv_boss;
drop role amelie;
revoke usage on schema public from conv_writer;
drop role conv_writer;
drop view conv_rich;
drop table conv_accounts;
select rolname from pg_roles where rolname like 'conv\_%';
