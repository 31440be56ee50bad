-- INSERT … ON CONFLICT on the primary key: DO NOTHING and DO UPDATE with EXCLUDED
create table upsert_kv (k int primary key, v text, n int default 0);
insert into upsert_kv values (1, 'a', 1), (2, 'b', 2);
insert into upsert_kv values (1, 'x', 10) on conflict do nothing;
insert into upsert_kv values (1, 'x', 10), (3, 'c', 3) on conflict (k) do nothing;
insert into upsert_kv values (1, 'y', 5) on conflict (k) do update set v = excluded.v, n = upsert_kv.n + excluded.n;
insert into upsert_kv values (2, 'z', 5) on conflict on constraint upsert_kv_pkey do update set v = excluded.v || '!' where upsert_kv.n > 100;
insert into upsert_kv values (2, 'z', 5) on conflict on constraint upsert_kv_pkey do update set v = excluded.v || '!' where upsert_kv.n < 100;
insert into upsert_kv values (4, 'd', 4), (4, 'e', 4) on conflict (k) do update set v = excluded.v;
insert into upsert_kv values (4, 'd', 4), (4, 'e', 4) on conflict (k) do nothing;
insert into upsert_kv values (1, 'q', 1) on conflict (k) do update set v = upper(excluded.v), n = n * 2;
insert into upsert_kv (k, v) values (6, 'six') on conflict (k) do update set n = excluded.n + 1;
insert into upsert_kv (k, v) values (6, 'six') on conflict (k) do update set n = excluded.n + 1;
insert into upsert_kv select k + 10, v, n from upsert_kv on conflict (k) do update set v = 'dup';
insert into upsert_kv select k + 10, v, n from upsert_kv where k < 10 on conflict (k) do update set v = 'dup';
select * from upsert_kv order by k;
-- errors
insert into upsert_kv values (5, 'q', 1) on conflict (v) do nothing;
insert into upsert_kv values (5, 'q', 1) on conflict (nope) do nothing;
insert into upsert_kv values (5, 'q', 1) on conflict on constraint nope do nothing;
insert into upsert_kv values (5, 'q', 1) on conflict do update set v = 'x';
insert into upsert_kv values (5, 'q', 1) on conflict (k) do update set nope = 'x';
insert into upsert_kv values (5, 'q', 1) on conflict (k) do update set v = excluded.nope;
insert into upsert_kv values (5, 'q', 1) on conflict (k) do update set n = 'abc';
-- a composite key, and a table without a key
create table upsert_pair (a int, b text, c int, primary key (a, b));
insert into upsert_pair values (1, 'x', 1), (1, 'y', 2);
insert into upsert_pair values (1, 'x', 5), (2, 'x', 6) on conflict (b, a) do update set c = upsert_pair.c + excluded.c;
select * from upsert_pair order by a, b;
create table upsert_heap (a int, b text);
insert into upsert_heap values (1, 'x') on conflict do nothing;
insert into upsert_heap values (1, 'x') on conflict do nothing;
insert into upsert_heap values (1, 'x') on conflict (a) do nothing;
select count(*) from upsert_heap;
-- in a transaction block, and the block goes on after a failed upsert
begin;
insert into upsert_kv values (7, 'seven', 7) on conflict (k) do update set n = upsert_kv.n + 1;
insert into upsert_kv values (7, 'seven', 7) on conflict (k) do update set n = upsert_kv.n + 1;
select k, n from upsert_kv where k = 7;
commit;
select k, v, n from upsert_kv where k = 7;
