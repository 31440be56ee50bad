create table rc_t (id int primary key);
create table "RC Mixed" (id int primary key);
select 'rc_t'::regclass, 'public.rc_t'::regclass, '"RC Mixed"'::regclass, 'pg_stat_activity'::regclass;
select 'rc_t'::regclass::oid = 'rc_t'::regclass::oid, 'rc_t'::regclass::text, pg_typeof('rc_t'::regclass);
select 'no_such'::regclass;
select 'rc_t'::regclass = 'rc_t'::regclass, 'rc_t'::regclass = '"RC Mixed"'::regclass;
drop table rc_t;
drop table "RC Mixed";
