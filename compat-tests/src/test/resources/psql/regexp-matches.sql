-- regexp_matches: a text[] row for each match (all of them with g), in FROM or a select list
select regexp_matches('foobarbequebazilbarfbonk', '(b[^b]+)(b[^b]+)', 'g');
select regexp_matches('foobarbequebazfoobarbequebaz', 'bar((be)|(bo))(que)');
select regexp_matches('abcabc', 'Bc');
select regexp_matches('abcabc', 'Bc', 'i');
select regexp_matches('abcabc', 'Bc', 'ig');
select regexp_matches('abcabc', '(?i)Bc', 'cg'), 'x' as other;
select regexp_matches('abcabc', NULL);
select regexp_matches('abcabc', 'a', NULL);
select * from regexp_matches('abcabc', 'b', 'g') as m;
select m[1], m[2] from regexp_matches('k1=v1,k2=v2', '(\w+)=(\w+)', 'g') as m order by 1 desc;
select count(*) from regexp_matches('aaa', 'a*', 'g');
select regexp_matches('ab', '', 'g');
select regexp_matches('a', '(');
