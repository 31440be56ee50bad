-- format(formatstr, arg, …)
select format('Hello %s', 'World'), format('Testing %s, %s, %s, %%', 'one', 'two', 'three');
select format('%s %s', a, b) from (values ('a', 'b'), ('c', null), (null, 'd')) t(a, b);
select format(f, a, b) from (values ('%s %s', 'x', 'y'), ('%2$s %1$s', 'x', 'y'), ('%I=%L', 'Col', null)) t(f, a, b);
select format('INSERT INTO %I VALUES(%L)', 'Foo bar', E'O\'Reilly'), format('%I', 'plain'), format('%L', 'a\b');
select format('|%10s|%-10s|%3s|', 'right', 'left', 'toolong'), format('|%*s|%-*s|', 6, 'a', 6, 'b'), format('|%*s|', -4, 'x');
select format('%1$s %1$s %s', 'a', 'b'), format('%2$s, %s', 'a', 'b', 'c'), format('%3$*1$s|', 5, 'x', 'y');
select format('%s', 1), format('%s', true), format('%L', 42), format('%s', 2.50::numeric), format('%s', '{1,2}'::int[]);
select format('no arguments'), format(null) is null, format(null, 'a') is null, format('%s%s', 'a', null) || '|';
select format('%s %s', 'only one');
select format('%x', 1);
select format('trailing %');
select format('%I', null);
select format('%0$s', 'a');
