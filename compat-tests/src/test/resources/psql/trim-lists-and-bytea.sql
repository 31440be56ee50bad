-- trim's argument lists (PostgreSQL's grammar makes them btrim, ltrim and rtrim calls)
select trim(both from 'abcxyzabc', 'cba'), trim(both 'abcxyzabc', 'cba'), trim(from 'abcxyzabc', 'cba'), trim('abcxyzabc', 'cba');
select trim(both '   xyz   ') || '|' as t, trim('   xyz   ') || '|' as u, trim(leading 'xxa', 'x'), trim(trailing 'axx', 'x');
select trim(leading 'ab' from 'abba-ba'), trim(trailing 'ab' from 'abba-ba'), trim('a' from 'abca');
select trim(both upper('x') from lower('XXyXX')), trim(trim('  ab  '));
-- bytea
select trim(both from '\x1234567890'::bytea, '\x9012'::bytea), trim(leading '\x9012'::bytea from '\x1234567890'::bytea);
select trim(trailing from '\x1234567890'::bytea, '\x9012'::bytea), trim('\x12'::bytea from '\x121212'::bytea);
select btrim('\x1234567890'::bytea, '\x9012'::bytea), ltrim('\x1234567890'::bytea, '\x9012'::bytea), rtrim('\x1234567890'::bytea, '\x9012'::bytea);
select btrim(NULL::bytea, E'\\001') is null, btrim('1'::bytea, '1'::bytea), ltrim(''::bytea, '1'::bytea);
select pg_typeof(btrim('\x12'::bytea, '\x12')), pg_typeof(trim('a' from 'b'));
create table trim_bytes (id int, b bytea, t text);
insert into trim_bytes values (1, '\x00ff0000', 'xxhixx'), (2, '\x', 'hi'), (3, null, null);
select id, btrim(b, '\x00'::bytea), rtrim(b, '\x00'), trim(both 'x' from t) from trim_bytes order by id;
drop table trim_bytes;

-- encode and decode
select encode('\xc3b1', 'escape'), decode('\303\261', 'escape'), encode('123\000\001', 'base64'), decode('MTIzAAE=', 'base64');
select decode('MTIz/A+=', 'base64'), encode('joanna', 'hex'), decode('6a6f616e6e61', 'hex'), decode('6A 6F', 'HEX');
select encode('\x5c00ff41'::bytea, 'escape'), decode('a\\b\101', 'escape'), encode(''::bytea, 'base64') = '';
select encode(convert_to(repeat('abcdefghij', 12), 'UTF8'), 'base64');
select encode(decode(repeat('41', 57), 'hex'), 'base64');
select decode(' MTIz AAE= ', 'base64'), decode('MQ==', 'base64'), decode('MTI=', 'base64');
select encode('\x01', 'rot13');
select decode('12 3', 'hex');
select decode('1x', 'hex');
select decode('MTIzA', 'base64');
select decode('M=Iz', 'base64');
select decode('MT!z', 'base64');
select decode('a\q', 'escape');
select encode(null::bytea, 'hex') is null, decode(null, 'hex') is null;

-- convert_from and convert_to
select convert_from('\xc3b1', 'UTF8'), convert_from('\xe78e8be58695e6adbbe4ba86e788b6e4bab2', 'utf-8'), convert_from('\x6a6f', 'uTF-8');
select convert_to('柠檬', 'UTF8'), convert_to('🍋', 'utf8'), convert_from(convert_to('wow🐮', 'UTF8'), 'UTF8');
select convert_from('\xe9', 'LATIN1'), convert_to('é', 'latin1'), convert_to('abc', 'SQL_ASCII');
select convert_from('\xc328', 'UTF8');
select convert_from('\x41ff', 'UTF8');
select convert_from('\x41', 'NOPE');
select convert_to('x', 'NOPE');
select convert_to('柠', 'LATIN1');
