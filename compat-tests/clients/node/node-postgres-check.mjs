// node-postgres (pg) against a running server: NodePostgresIT runs it with PGHOST and PGPORT
// set (user and database amelie) and TZ=UTC, and reads the exit code. Every check prints a
// line; the first mismatch prints what was expected and what came back and exits 1.
// Expected values are what pg reads from PostgreSQL 15 for the same queries.
import assert from 'node:assert/strict';
import pg from 'pg';

const config = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: 'amelie',
  database: 'amelie',
  connectionTimeoutMillis: 10_000,
  statement_timeout: 30_000,
};

// One line per type: [column type, the parameter pg sends, the value pg reads back, the
// result column's type oid]. pg reads int8 and numeric as strings, date/timestamp/timestamptz
// as Date (in TZ, which the IT sets to UTC), and sends a Date as local time with its offset.
// A Date parameter crosses as text, so it also checks pg's own formatting of dates. pg sends a
// Buffer as a binary parameter and an object as JSON.stringify's text; it reads uuid and time as
// strings, bytea as a Buffer, interval as a PostgresInterval (compared by its own fields, see
// plain()) and json/jsonb as JSON.parse's value.
const typeCases = [
  ['int2', 32767, 32767, 21],
  ['int4', -2147483648, -2147483648, 23],
  ['int8', '9223372036854775807', '9223372036854775807', 20],
  ['float8', 0.1, 0.1, 701],
  ['float8', -1.5e300, -1.5e300, 701],
  ['numeric(12,3)', '12345.6789', '12345.679', 1700],
  ['numeric', '-0.000000000000000000001', '-0.000000000000000000001', 1700],
  ['text', 'héllo\twörld ✓ "quoted" \'single\'', 'héllo\twörld ✓ "quoted" \'single\'', 25],
  ['varchar(20)', 'varying', 'varying', 1043],
  ['char(5)', 'ab', 'ab   ', 1042],
  ['bool', true, true, 16],
  ['bool', false, false, 16],
  ['date', '2024-02-29', new Date('2024-02-29T00:00:00Z'), 1082],
  ['timestamp', '2024-02-29 13:45:56.123', new Date('2024-02-29T13:45:56.123Z'), 1114],
  ['timestamp', new Date('1999-12-31T23:59:59.999Z'), new Date('1999-12-31T23:59:59.999Z'), 1114],
  ['timestamptz', '2024-02-29 13:45:56.5+02', new Date('2024-02-29T11:45:56.500Z'), 1184],
  ['timestamptz', new Date('2030-06-15T08:00:00Z'), new Date('2030-06-15T08:00:00Z'), 1184],
  ['uuid', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 2950],
  ['uuid', '{a0eebc999c0b4ef8bb6d6bb9bd380a11}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 2950],
  ['bytea', Buffer.from([0, 1, 127, 128, 255, 92, 39, 120]), Buffer.from([0, 1, 127, 128, 255, 92, 39, 120]), 17],
  ['bytea', Buffer.alloc(0), Buffer.alloc(0), 17],
  ['bytea', '\\x00017F80ff', Buffer.from([0, 1, 127, 128, 255]), 17],
  ['time', '13:45:56.123456', '13:45:56.123456', 1083],
  ['time', '23:59:59.999999', '23:59:59.999999', 1083],
  ['interval', '1 year 2 months 3 days 04:05:06.5',
    { years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6, milliseconds: 500 }, 1186],
  ['interval', '-1 days +02:00:00.000001', { days: -1, hours: 2, milliseconds: 0.001 }, 1186],
  ['json', '{"b": 1, "a": [1, 2.50, "ü"], "b": null}', { a: [1, 2.5, 'ü'], b: null }, 114],
  ['json', { nested: { list: [true, null] } }, { nested: { list: [true, null] } }, 114],
  ['jsonb', '{"bb": 1, "a": [1, 2.50, "ü"], "bb": null}', { a: [1, 2.5, 'ü'], bb: null }, 3802],
  ['jsonb', '"a string"', 'a string', 3802],
  ['int4', null, null, 23],
  ['jsonb', null, null, 3802],
];


let checks = 0;
function check(what, actual, expected) {
  try {
    assert.deepStrictEqual(plain(actual), expected);
  } catch {
    console.error(`MISMATCH ${what}\n  expected: ${show(expected)}\n  actual:   ${show(actual)}`);
    process.exit(1);
  }
  checks++;
  console.log(`ok ${what}`);
}

// A PostgresInterval holds its fields as own properties beside prototype methods: compare those.
function plain(value) {
  return value instanceof Object && value.constructor?.name === 'PostgresInterval' ? { ...value } : value;
}

function show(value) {
  if (Buffer.isBuffer(value)) {
    return `Buffer(${value.toString('hex')})`;
  }
  return value instanceof Date ? `Date(${value.toISOString()})` : JSON.stringify(plain(value));
}

async function expectError(what, promise, code) {
  try {
    await promise;
  } catch (e) {
    check(`${what} fails with SQLSTATE ${code}`, e.code, code);
    return e;
  }
  console.error(`MISMATCH ${what}: expected SQLSTATE ${code}, but it succeeded`);
  process.exit(1);
}

async function queriesAndParameters(client) {
  const plain = await client.query('select 1 as one, \'two\' as two');
  check('simple query rows', plain.rows, [{ one: 1, two: 'two' }]);
  check('simple query field names', plain.fields.map((f) => f.name), ['one', 'two']);

  await client.query('create table node_items (id int primary key, name text not null, qty int)');
  const inserted = await client.query(
    'insert into node_items values ($1, $2, $3), ($4, $5, $6) returning id',
    [1, 'apple', 3, 2, 'pear', null]);
  check('insert with parameters: rowCount', inserted.rowCount, 2);
  check('insert with parameters: command', inserted.command, 'INSERT');
  check('insert returning', inserted.rows.map((r) => r.id).sort(), [1, 2]);

  const selected = await client.query('select name, qty from node_items where id = $1', [2]);
  check('select by parameter', selected.rows, [{ name: 'pear', qty: null }]);
  const many = await client.query('select id from node_items where name = $1 or qty > $2 order by id', ['pear', 1]);
  check('two parameters in one predicate', many.rows, [{ id: 1 }, { id: 2 }]);

  const updated = await client.query('update node_items set qty = coalesce(qty, 0) + $1 where id = $2', [5, 2]);
  check('update rowCount', updated.rowCount, 1);
  const arrayMode = await client.query({ text: 'select id, qty from node_items order by id', rowMode: 'array' });
  check('rowMode array', arrayMode.rows, [[1, 3], [2, 5]]);
}

async function typesRoundTrip(client) {
  const columns = typeCases.map(([type], i) => `c${i} ${type}`).join(', ');
  await client.query(`create table node_types (id int primary key, ${columns})`);
  const placeholders = typeCases.map((_, i) => `$${i + 2}`).join(', ');
  await client.query(`insert into node_types values ($1, ${placeholders})`, [1, ...typeCases.map(([, param]) => param)]);
  const stored = await client.query('select * from node_types where id = 1');
  for (const [i, [type, param, expected, oid]] of typeCases.entries()) {
    const label = `${type} ${show(param)}`;
    const cast = await client.query(`select $1::${type} as v`, [param]);
    check(`${label}: parameter cast reads back`, cast.rows[0].v, expected);
    check(`${label}: parameter cast type oid`, cast.fields[0].dataTypeID, oid);
    check(`${label}: stored and read back`, stored.rows[0][`c${i}`], expected);
    check(`${label}: column type oid`, stored.fields[i + 1].dataTypeID, oid);
  }
}

async function pipelinedQueries(client) {
  // Issued together without awaiting: pg queues them on the one connection and sends each when
  // the one before has its ReadyForQuery (pg 8 prints a deprecation warning for this).
  await client.query('create table node_pipeline (id int primary key, v text)');
  const pending = [];
  for (let i = 1; i <= 20; i++) {
    pending.push(client.query('insert into node_pipeline values ($1, $2)', [i, `v${i}`]));
  }
  pending.push(client.query('select count(*)::int as n, sum(id)::int as s from node_pipeline'));
  pending.push(client.query('select v from node_pipeline where id = $1', [7]));
  const results = await Promise.all(pending);
  check('pipelined inserts each insert one row', results.slice(0, 20).map((r) => r.rowCount), new Array(20).fill(1));
  check('pipelined select sees every earlier insert', results[20].rows, [{ n: 20, s: 210 }]);
  check('pipelined select by parameter', results[21].rows, [{ v: 'v7' }]);

  // A failure in the middle rejects only its own promise; the ones around it still run.
  const settled = await Promise.allSettled([
    client.query('select 1 as a'),
    client.query('insert into node_pipeline values ($1, $2)', [7, 'duplicate']),
    client.query('select $1::int / 0 as boom', [1]),
    client.query('select count(*)::int as n from node_pipeline'),
  ]);
  check('pipeline with failures: statuses', settled.map((s) => s.status), ['fulfilled', 'rejected', 'rejected', 'fulfilled']);
  check('pipeline with failures: duplicate key', settled[1].reason.code, '23505');
  check('pipeline with failures: division by zero', settled[2].reason.code, '22012');
  check('pipeline with failures: later query', settled[3].value.rows, [{ n: 20 }]);
}

async function namedStatements(client) {
  await client.query('create table node_named (id int primary key, label text)');
  const insert = { name: 'node_named_insert', text: 'insert into node_named values ($1, $2) returning label' };
  const byId = { name: 'node_named_by_id', text: 'select id, label from node_named where id = $1' };
  for (let i = 1; i <= 5; i++) {
    const r = await client.query({ ...insert, values: [i, `label ${i}`] });
    check(`named insert ${i}`, r.rows, [{ label: `label ${i}` }]);
  }
  // Parsed once, then bound again and again with other values.
  for (const id of [3, 1, 5, 42]) {
    const r = await client.query({ ...byId, values: [id] });
    check(`named select id=${id}`, r.rows, id === 42 ? [] : [{ id, label: `label ${id}` }]);
  }
  const concurrent = await Promise.all([2, 4].map((id) => client.query({ ...byId, values: [id] })));
  check('named statement issued twice without awaiting', concurrent.map((r) => r.rows[0].label), ['label 2', 'label 4']);
  await expectError('named statement with a duplicate key', client.query({ ...insert, values: [1, 'again'] }), '23505');
  check('named statement after its error', (await client.query({ ...byId, values: [1] })).rows, [{ id: 1, label: 'label 1' }]);
}

async function errorsAndTheSessionGoesOn(client) {
  await client.query('create table node_errors (id int primary key)');
  await client.query('insert into node_errors values (1)');
  const duplicate = await expectError('duplicate key', client.query('insert into node_errors values ($1)', [1]), '23505');
  check('duplicate key message', duplicate.message, 'duplicate key value violates unique constraint "node_errors_pkey"');
  await expectError('syntax error', client.query('selec 1'), '42601');
  await expectError('unknown table', client.query('select * from node_no_such_table'), '42P01');
  await expectError('bad integer parameter', client.query('select $1::int as v', ['zz']), '22P02');
  check('session goes on after errors', (await client.query('select count(*)::int as n from node_errors')).rows, [{ n: 1 }]);

  await client.query('begin');
  await client.query('insert into node_errors values (2)');
  await expectError('error inside a transaction', client.query('insert into node_errors values (1)'), '23505');
  await expectError('statement in an aborted transaction', client.query('select 1'), '25P02');
  await client.query('rollback');
  check('rollback keeps nothing of the failed transaction', (await client.query('select count(*)::int as n from node_errors')).rows, [{ n: 1 }]);
}

async function pool() {
  const pool = new pg.Pool({ ...config, max: 4 });
  try {
    await pool.query('create table node_pool (id int primary key, worker int)');
    const inserts = [];
    for (let i = 1; i <= 40; i++) {
      inserts.push(pool.query('insert into node_pool values ($1, $2)', [i, i % 4]));
    }
    await Promise.all(inserts);
    const sums = await Promise.all([0, 1, 2, 3].map((w) =>
      pool.query('select count(*)::int as n, sum(id)::int as s from node_pool where worker = $1', [w])));
    check('pool: every insert is seen', sums.map((r) => r.rows[0]),
      [{ n: 10, s: 220 }, { n: 10, s: 190 }, { n: 10, s: 200 }, { n: 10, s: 210 }]);

    // A checked-out client holds its transaction while other clients of the pool go on.
    const held = await pool.connect();
    try {
      await held.query('begin');
      await held.query('update node_pool set worker = 9 where id = $1', [1]);
      check('pool: other clients do not see an uncommitted update',
        (await pool.query('select worker from node_pool where id = 1')).rows, [{ worker: 1 }]);
      await held.query('commit');
    } finally {
      held.release();
    }
    check('pool: the committed update is seen', (await pool.query('select worker from node_pool where id = 1')).rows, [{ worker: 9 }]);
    check('pool: connections made', pool.totalCount <= 4, true);
  } finally {
    await pool.end();
  }
}

const client = new pg.Client(config);
try {
  await client.connect();
  for (const table of ['node_items', 'node_types', 'node_pipeline', 'node_named', 'node_errors', 'node_pool']) {
    await client.query(`drop table if exists ${table}`);
  }
  await queriesAndParameters(client);
  await typesRoundTrip(client);
  await pipelinedQueries(client);
  await namedStatements(client);
  await errorsAndTheSessionGoesOn(client);
  await pool();
} catch (e) {
  console.error(`FAILED: ${e.stack ?? e}${e.code ? ` (SQLSTATE ${e.code})` : ''}`);
  process.exit(1);
} finally {
  await client.end().catch(() => {});
}
console.log(`node-postgres: ${checks} checks passed`);
