-- Subqueries: scalar, EXISTS, IN / NOT IN (with NULLs), ANY / ALL; uncorrelated and correlated;
-- in SELECT lists, WHERE, HAVING, join conditions and views.
create table sq_dept (id int primary key, name text);
create table sq_emp (id int primary key, name text not null, dept int, salary int, boss int);
insert into sq_dept values (1, 'eng'), (2, 'ops'), (3, 'sales'), (4, 'empty');
insert into sq_emp values (1, 'ada', 1, 300, null), (2, 'bob', 1, 200, 1), (3, 'cy', 2, 150, 1),
    (4, 'dee', 2, 180, 3), (5, 'eve', 3, 100, 1), (6, 'fay', null, 120, null), (7, 'gus', 3, null, 5);
select (select sum(salary) from sq_emp) total, (select count(*) from sq_dept) depts;
select name, (select max(salary) from sq_emp) from sq_emp order by id;
select name, salary from sq_emp where salary > (select avg(salary) from sq_emp) order by name;
select name, (select d.name from sq_dept d where d.id = e.dept) dept from sq_emp e order by id;
select name, salary, (select count(*) from sq_emp x where x.salary > e.salary) better_paid from sq_emp e order by id;
select name from sq_emp e where salary > (select avg(salary) from sq_emp x where x.dept = e.dept) order by name;
select name from sq_dept d where exists (select 1 from sq_emp e where e.dept = d.id and e.salary > 150) order by id;
select name from sq_dept d where not exists (select 1 from sq_emp e where e.dept = d.id) order by id;
select name from sq_emp where dept in (select id from sq_dept where name <> 'ops') order by id;
select name from sq_emp where id not in (select boss from sq_emp) order by id;
select name from sq_emp where id not in (select boss from sq_emp where boss is not null) order by id;
select id, id in (select boss from sq_emp), id not in (select boss from sq_emp) from sq_dept order by id;
select name from sq_emp where salary = any (select salary from sq_emp where dept = 2) order by id;
select name from sq_emp where salary >= all (select salary from sq_emp where salary is not null) order by id;
select name from sq_emp where salary > all (select salary from sq_emp where dept = 3) order by id;
select name from sq_emp where salary < some (select salary from sq_emp where dept = 1) order by id;
select name, salary < all (select salary from sq_emp where dept = 3) from sq_emp order by id;
select dept, count(*) from sq_emp group by dept having count(*) > (select count(*) from sq_emp where dept = 3) - 1 order by dept;
select dept, sum(salary) from sq_emp e group by dept having sum(salary) > (select min(salary) * 2 from sq_emp) order by dept;
select e.name, d.name from sq_emp e join sq_dept d on d.id = e.dept and e.salary > (select avg(salary) from sq_emp) order by e.id;
select name from sq_emp e where exists (select 1 from sq_emp b where b.id = e.boss and exists
    (select 1 from sq_dept d where d.id = b.dept and d.id = e.dept)) order by id;
select name, (select x.name from sq_emp x where x.dept = e.dept and x.id <> e.id order by x.salary desc limit 1) peer from sq_emp e order by id;
select (select name from sq_emp where dept = 1), 1 one;
select name from sq_emp where salary = (select salary from sq_emp where dept = 2);
select (select name from sq_emp where dept = 9) nobody, (select max(salary) from sq_emp where dept = 9) none;
select (select salary from sq_emp where id = 1), exists (select 1 from sq_dept), (select count(*) from sq_dept) from sq_dept where id = 1;
select avg(salary), avg(salary::float8), (select avg(id) from sq_dept) from sq_emp;
select dept, avg(salary) from sq_emp group by dept order by dept;
create view sq_above_dept_average as
    select name, dept from sq_emp e where salary > (select avg(salary) from sq_emp x where x.dept = e.dept);
select * from sq_above_dept_average order by name;
insert into sq_dept select 5, (select name from sq_dept where id = 1) || '-2';
select * from sq_dept where id > 3 order by id;
