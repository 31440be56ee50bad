-- FULL [OUTER] JOIN: unmatched rows of both sides with NULLs, extra conditions, over tables and VALUES
select * from (values (1),(2),(2)) a(x) full join (values (2),(3)) b(y) on a.x = b.y order by 1, 2;
create table fj_a (id int primary key, v text);
create table fj_b (id int primary key, a_id int, w text);
insert into fj_a values (1, 'one'), (2, 'two'), (3, 'three');
insert into fj_b values (10, 2, 'x'), (11, 2, 'y'), (12, 4, 'z'), (13, null, 'n');
select a.id, a.v, b.id, b.w from fj_a a full join fj_b b on a.id = b.a_id order by a.id nulls last, b.id;
select a.id, b.id from fj_a a full outer join fj_b b on a.id = b.a_id and b.w <> 'x' order by 1 nulls first, 2 nulls first;
select coalesce(a.id, b.a_id) k from fj_a a full join fj_b b on a.id = b.a_id order by k nulls last;
drop table fj_a;
drop table fj_b;
