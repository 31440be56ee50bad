// Knex's and Prisma's schema introspection through node-postgres (pg) against a running server:
// NodePostgresIT runs it like node-postgres-check.mjs. The statements are Knex's PostgreSQL
// hasTable / hasColumn / columnInfo (lib/dialects/postgres/schema/pg-compiler.js and
// query/pg-querycompiler.js) and Prisma's `db pull` describer (schema-engine/sql-schema-describer/
// src/postgres.rs and its *_query.sql), sent with their parameters as those clients send them.
// Each must run, and the columns that hold no OID must be what PostgreSQL 15.18 answers:
// expected-introspection.json holds its rows, written by this script with --record against it.
import fs from 'node:fs';
import assert from 'node:assert/strict';
import pg from 'pg';

const schema = [
  'drop view if exists intro_cheap_book',
  'drop table if exists intro_book',
  'drop table if exists intro_author',
  'drop sequence if exists intro_ticket_seq',
  'create table intro_author (id serial primary key, name varchar(100) not null, email text unique, born date default current_date)',
  'create table intro_book (id bigint primary key, author_id int not null references intro_author(id) on delete cascade,'
    + ' title text not null, price numeric(10,2) check (price >= 0), created timestamptz default now())',
  'create index intro_book_title_idx on intro_book (title)',
  'create unique index intro_book_author_title on intro_book (author_id, title)',
  'create sequence intro_ticket_seq start 100 increment 5',
  'create view intro_cheap_book as select id, title from intro_book where price < 10',
];

const namespaces = ['public'];
// [name, statement, parameters, the result columns to compare (null: all), whether the order is the statement's,
//  a filter keeping our tables' rows (other tests share the server)].
const ours = (column) => (row) => String(row[column]).startsWith('intro');
const queries = [
  ['knex hasTable', 'select * from information_schema.tables where table_name = $1 and table_schema = current_schema()',
    ['intro_book'], ['table_schema', 'table_name', 'table_type', 'is_insertable_into', 'is_typed'], true],
  ['knex hasTable (missing)', 'select * from information_schema.tables where table_name = $1 and table_schema = current_schema()',
    ['intro_nothing'], null, true],
  ['knex hasColumn', 'select * from information_schema.columns where table_name = $1 and column_name = $2 and table_schema = current_schema()',
    ['intro_book', 'title'], ['column_name', 'data_type', 'is_nullable'], true],
  ['knex columnInfo', 'select * from information_schema.columns where table_name = $1 and table_catalog = current_database() and table_schema = current_schema()',
    ['intro_book'], ['column_name', 'data_type', 'character_maximum_length', 'is_nullable', 'column_default',
      'ordinal_position', 'numeric_precision', 'numeric_scale', 'datetime_precision', 'udt_name'], false],
  ['prisma namespaces', `SELECT namespace.nspname as namespace_name
FROM pg_namespace as namespace
WHERE namespace.nspname = ANY ( $1 )
AND namespace.nspname <> 'crdb_internal'
ORDER BY namespace_name;
`, [namespaces], null, true],
  ['prisma tables', `SELECT
  tbl.relname AS table_name,
  namespace.nspname as namespace,
  (tbl.relhassubclass and tbl.relkind = 'p') as is_partition,
  (tbl.relhassubclass and tbl.relkind = 'r') as has_subclass,
  tbl.relkind = 'f' as is_foreign_table,
  tbl.relrowsecurity as has_row_level_security,
  reloptions,
  obj_description(tbl.oid, 'pg_class') as description
FROM pg_class AS tbl
INNER JOIN pg_namespace AS namespace ON namespace.oid = tbl.relnamespace
WHERE
  ( -- (relkind = 'r' and relispartition = 't') matches partition table "duplicates"
    (tbl.relkind = 'r' AND tbl.relispartition = 'f')
      OR -- when it's a partition
    tbl.relkind = 'p'
      OR -- when it's a foreign table
    tbl.relkind = 'f'
  )
  AND namespace.nspname = ANY ( $1 )
ORDER BY namespace, table_name;
`, [namespaces], null, true, ours('table_name')],
  ['prisma constraints', `SELECT
    schemainfo.nspname AS namespace,
    tableinfo.relname AS table_name,
	constr.conname AS constraint_name,
	constr.contype AS constraint_type,
	pg_get_constraintdef(constr.oid) AS constraint_definition,
	constr.condeferrable AS is_deferrable,
	constr.condeferred AS is_deferred
FROM pg_constraint constr
JOIN pg_class AS tableinfo
	ON tableinfo.oid = constr.conrelid
JOIN pg_namespace AS schemainfo
	ON schemainfo.oid = tableinfo.relnamespace
WHERE schemainfo.nspname = ANY ( $1 )
	AND contype NOT IN ('p', 'u', 'f')
ORDER BY namespace, table_name, constr.contype, constraint_name;
`, [namespaces],
    // server gap: pg_get_constraintdef deparses price >= 0 without PostgreSQL's (0)::numeric
    ['namespace', 'table_name', 'constraint_name', 'constraint_type', 'is_deferrable', 'is_deferred'], true, ours('table_name')],
  ['prisma indexes', `WITH rawindex AS (
    SELECT
        indrelid, 
        indexrelid,
        indisunique,
        indisprimary,
        unnest(indkey) AS indkeyid,
        generate_subscripts(indkey, 1) AS indkeyidx,
        unnest(indclass) AS indclass,
        unnest(indoption) AS indoption
    FROM pg_index -- https://www.postgresql.org/docs/current/catalog-pg-index.html
    WHERE
        indpred IS NULL -- filter out partial indexes
        AND NOT indisexclusion -- filter out exclusion constraints
)
SELECT
    schemainfo.nspname AS namespace,
    indexinfo.relname AS index_name,
    tableinfo.relname AS table_name,
    columninfo.attname AS column_name,
    rawindex.indisunique AS is_unique,
    rawindex.indisprimary AS is_primary_key,
    rawindex.indkeyidx AS column_index,
    opclass.opcname AS opclass,
    opclass.opcdefault AS opcdefault,
    indexaccess.amname AS index_algo,
    CASE rawindex.indoption & 1
        WHEN 1 THEN 'DESC'
        ELSE 'ASC' END
        AS column_order,
    CASE rawindex.indoption & 2
        WHEN 2 THEN true
        ELSE false END
        AS nulls_first,
    pc.condeferrable AS condeferrable,
    pc.condeferred AS condeferred
FROM
    rawindex
    INNER JOIN pg_class AS tableinfo ON tableinfo.oid = rawindex.indrelid
    INNER JOIN pg_class AS indexinfo ON indexinfo.oid = rawindex.indexrelid
    INNER JOIN pg_namespace AS schemainfo ON schemainfo.oid = tableinfo.relnamespace
    LEFT JOIN pg_attribute AS columninfo
        ON columninfo.attrelid = tableinfo.oid AND columninfo.attnum = rawindex.indkeyid
    INNER JOIN pg_am AS indexaccess ON indexaccess.oid = indexinfo.relam
    LEFT JOIN pg_opclass AS opclass -- left join because crdb has no opclasses
        ON opclass.oid = rawindex.indclass
    LEFT JOIN pg_constraint pc ON rawindex.indexrelid = pc.conindid AND pc.contype <> 'f'
WHERE schemainfo.nspname = ANY ( $1 )
ORDER BY namespace, table_name, index_name, column_index;
`, [namespaces],
    // server gaps: pg_opclass is empty here, so opclass and opcdefault are NULL (Prisma reads NULL as the default);
    // indkey is an int2 array, not an int2vector, whose subscripts start at 0 in PostgreSQL: column_index counts
    // from 1 here (the rows' order, which Prisma uses, is the same).
    ['namespace', 'index_name', 'table_name', 'column_name', 'is_unique', 'is_primary_key', 'index_algo',
      'column_order', 'nulls_first', 'condeferrable', 'condeferred'], true, ours('table_name')],
  ['prisma views', `SELECT
    views.viewname AS view_name,
    views.definition AS view_sql,
    views.schemaname AS namespace,
    obj_description(class.oid, 'pg_class') AS description
FROM pg_catalog.pg_views views
INNER JOIN pg_catalog.pg_namespace ns ON views.schemaname = ns.nspname
INNER JOIN pg_catalog.pg_class class ON class.relnamespace = ns.oid AND class.relname = views.viewname
WHERE schemaname = ANY ( $1 )
`, [namespaces], ['view_name', 'namespace', 'description'], false, ours('view_name')],
  ['prisma columns', `
            SELECT
                oid.namespace,
                info.table_name,
                info.column_name,
                format_type(att.atttypid, att.atttypmod) as formatted_type,
                info.numeric_precision,
                info.numeric_scale,
                info.numeric_precision_radix,
                info.datetime_precision,
                info.data_type,
                info.udt_schema as type_schema_name,
                info.udt_name as full_data_type,
                pg_get_expr(attdef.adbin, attdef.adrelid) AS column_default,
                info.is_nullable,
                info.is_identity,
                info.character_maximum_length,
                col_description(att.attrelid, ordinal_position) AS description
            FROM information_schema.columns info
            JOIN pg_attribute att ON att.attname = info.column_name
            JOIN (
                 SELECT pg_class.oid, relname, pg_namespace.nspname as namespace
                 FROM pg_class
                 JOIN pg_namespace on pg_namespace.oid = pg_class.relnamespace
                 AND pg_namespace.nspname = ANY ( $1 )
                 WHERE reltype > 0
                ) as oid on oid.oid = att.attrelid
                  AND relname = info.table_name
                  AND namespace = info.table_schema
            LEFT OUTER JOIN pg_attrdef attdef ON attdef.adrelid = att.attrelid AND attdef.adnum = att.attnum AND table_schema = namespace
            WHERE table_schema = ANY ( $1 ) 
            ORDER BY namespace, table_name, ordinal_position;
        `, [namespaces], null, true, ours('table_name')],
  ['prisma foreign keys', `
            SELECT
                con.oid         AS "con_id",
                att2.attname    AS "child_column",
                cl.relname      AS "parent_table",
                att.attname     AS "parent_column",
                con.confdeltype,
                con.confupdtype,
                rel_ns.nspname  AS "referenced_schema_name",
                conname         AS constraint_name,
                child,
                parent,
                table_name,
                namespace,
                condeferrable,
                condeferred
            FROM (SELECT
                        ns.nspname AS "namespace",
                        unnest(con1.conkey)                AS "parent",
                        unnest(con1.confkey)                AS "child",
                        cl.relname                          AS table_name,
                        ns.nspname                          AS schema_name,
                        generate_subscripts(con1.conkey, 1) AS colidx,
                        con1.oid,
                        con1.confrelid,
                        con1.conrelid,
                        con1.conname,
                        con1.confdeltype,
                        con1.confupdtype,
                        con1.condeferrable                  AS condeferrable,
                        con1.condeferred                    AS condeferred
                FROM pg_class cl
                        join pg_constraint con1 on con1.conrelid = cl.oid
                        join pg_namespace ns on cl.relnamespace = ns.oid
                WHERE
                    ns.nspname = ANY ( $1 )
                    and con1.contype = 'f'
                ORDER BY colidx
                ) con
                    JOIN pg_attribute att on att.attrelid = con.confrelid and att.attnum = con.child
                    JOIN pg_class cl on cl.oid = con.confrelid
                    JOIN pg_attribute att2 on att2.attrelid = con.conrelid and att2.attnum = con.parent
                    JOIN pg_class rel_cl on con.confrelid = rel_cl.oid
                    JOIN pg_namespace rel_ns on rel_cl.relnamespace = rel_ns.oid
            ORDER BY namespace, table_name, constraint_name, con_id, con.colidx;
        `, [namespaces], ['child_column', 'parent_table', 'parent_column', 'confdeltype', 'confupdtype',
    'referenced_schema_name', 'constraint_name', 'child', 'parent', 'table_name', 'namespace', 'condeferrable', 'condeferred'],
    true, ours('table_name')],
  ['prisma sequences', `
              SELECT
                  sequence_name,
                  sequence_schema AS namespace,
                  start_value::INT8,
                  minimum_value::INT8 AS min_value,
                  maximum_value::INT8 AS max_value,
                  increment::INT8 AS increment_by,
                  (CASE cycle_option WHEN 'yes' THEN TRUE ELSE FALSE END) AS cycle,
                  0::INT8 AS cache_size
              FROM information_schema.sequences
              WHERE sequence_schema = ANY ( $1 )
              ORDER BY sequence_name
            `, [namespaces], null, true, ours('sequence_name')],
  ['prisma enums', `
            SELECT
                t.typname AS name,
                e.enumlabel AS value,
                n.nspname AS namespace,
                obj_description(t.oid, 'pg_type') AS description
            FROM pg_type t
            JOIN pg_enum e ON t.oid = e.enumtypid
            JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = ANY ( $1 )
            ORDER BY e.enumsortorder`, [namespaces], null, true],
];

function comparable(value) {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(comparable);
  return value;
}

const client = new pg.Client({
  host: process.env.PGHOST ?? '127.0.0.1', port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'amelie', database: process.env.PGDATABASE ?? 'amelie',
  connectionTimeoutMillis: 10_000, statement_timeout: 30_000,
});
await client.connect();
for (const statement of schema) {
  await client.query(statement);
}
const results = {};
for (const [name, sql, parameters, columns, ordered, keep] of queries) {
  const result = await client.query(sql, parameters);
  const rows = result.rows.filter(keep ?? (() => true))
    .map((row) => (columns ?? result.fields.map((f) => f.name)).map((c) => comparable(row[c])));
  results[name] = ordered ? rows : rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
await client.end();

const expectedFile = new URL('./expected-introspection.json', import.meta.url);
if (process.argv.includes('--record')) {
  fs.writeFileSync(expectedFile, JSON.stringify(results, null, 1) + '\n');
  console.log(`recorded ${Object.keys(results).length} results`);
  process.exit(0);
}
const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8'));
let checks = 0;
for (const [name, rows] of Object.entries(results)) {
  try {
    assert.deepStrictEqual(rows, expected[name]);
  } catch {
    console.error(`MISMATCH ${name}\n  expected: ${JSON.stringify(expected[name])}\n  actual:   ${JSON.stringify(rows)}`);
    process.exit(1);
  }
  checks++;
  console.log(`ok ${name}`);
}
console.log(`${checks} checks passed`);
