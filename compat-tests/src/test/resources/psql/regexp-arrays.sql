-- regexp_match: the first match's subexpressions as text[]
select regexp_match('abc', 'bc'), regexp_match('abc', 'Bc'), regexp_match('abc', 'Bc', 'i'), regexp_match('abc', 'Bc', 'ic');
select regexp_match('foobarbequebaz', '(bar)(beque)'), regexp_match('foobarbequebaz', 'bar((be)|(bo))(que)');
select regexp_match('abc01234xyz', '(?:(.*?)(\d+)(.*)){1,1}'), regexp_match('abc', '(?i)Bc', 'c');
select regexp_match('abc', NULL) is null, regexp_match('abc', 'a', NULL) is null, regexp_match('abc', 'd') is null;
select (regexp_match('key=value', '(\w+)=(\w+)'))[2], pg_typeof(regexp_match('a', 'a'));
select regexp_match(string, pattern, flags) from (values ('abc', 'bc', ''), ('abc', 'Bc', ''), ('abc', 'Bc', 'i')) t(string, pattern, flags);
select regexp_match('abc', 'b', 'g');
select regexp_match('abc', '(');
-- regexp_split_to_array
select regexp_split_to_array('apple,banana,orange', ','), regexp_split_to_array('apple.banana!orange', '[.!]');
select regexp_split_to_array('applebananaorange', ','), regexp_split_to_array('', ','), regexp_split_to_array('abc', '');
select regexp_split_to_array('the quick brown fox', '\s+'), regexp_split_to_array('the quick brown fox', '\s*');
select regexp_split_to_array('apple!!!banana?orange???grape', '[!?]+'), regexp_split_to_array(',a,,b,', ',');
select regexp_split_to_array('aXbxc', 'x', 'i'), regexp_split_to_array('💩💩foo🤔bar', '🤔'), regexp_split_to_array('abc', 'x*');
select regexp_split_to_array('a b', ' ', 'g');
-- current_database() and current_catalog
select current_database(), current_catalog, count(current_database());
-- PostgreSQL names that Calcite reserves for MATCH_RECOGNIZE
select pattern, define from (values (1, 2)) as t(pattern, define);
-- the lowest bigint, negated as PostgreSQL's grammar does
select pg_typeof(-9223372036854775808), -9223372036854775808, pg_typeof(9223372036854775808), pg_typeof(-2147483648);
