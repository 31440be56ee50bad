"""psycopg2 (Debian's python3-psycopg2) against a running server.

Psycopg2IT runs it with /usr/bin/python3, PGHOST/PGPORT/PGUSER/PGDATABASE and TZ=UTC set,
and reads the exit code. Every check prints a line; the first mismatch prints what was
expected and what came back and exits 1. Expected values are what psycopg2 reads from
PostgreSQL 15 for the same statements.
"""
import datetime
import io
import sys
import uuid
from decimal import Decimal

import psycopg2
import psycopg2.errors
import psycopg2.extras

UTC = datetime.timezone.utc
PLUS_TWO = datetime.timezone(datetime.timedelta(hours=2))

# One line per type: (column type, the value psycopg2 sends, the value it reads back, the
# result column's type oid). psycopg2 sends every parameter as a literal in the query text
# (dates and times with a cast such as '…'::timestamptz); it reads numeric as Decimal and
# timestamptz as an aware datetime in the session's time zone (UTC here). With register_uuid()
# it sends and reads uuid.UUID; bytes, bytearray and memoryview go as '\\x…'::bytea and bytea
# reads as memoryview; interval reads as timedelta (a year as 365 days, a month as 30); Json()
# sends json's text and json/jsonb read as json.loads' value.
TYPE_CASES = [
    ("int2", 32767, 32767, 21),
    ("int4", -2147483648, -2147483648, 23),
    ("int8", 9223372036854775807, 9223372036854775807, 20),
    ("float8", 0.1, 0.1, 701),
    ("float8", -1.5e300, -1.5e300, 701),
    ("numeric(12,3)", Decimal("12345.678"), Decimal("12345.678"), 1700),
    ("numeric", Decimal("-0.000001"), Decimal("-0.000001"), 1700),
    # server gap: psycopg2 sends a Decimal as a bare literal, and two kinds are misread. One with
    # an exponent (-1E-21) is typed double precision, so select -1E-21 reads back a float, and
    # stored beside -2147483648 in one INSERT it becomes 0.000000; one with more than 19 digits
    # (12345678901234567890.1234567890123) fails with 42601 "Numeric literal … out of range".
    # PostgreSQL 15 types both numeric and keeps every digit.
    # ("numeric", Decimal("-0.000000000000000000001"), Decimal("-0.000000000000000000001"), 1700),
    # ("numeric", Decimal("12345678901234567890.1234567890123"), Decimal("12345678901234567890.1234567890123"), 1700),
    ("text", "héllo\twörld ✓ \"quoted\" 'single' back\\slash", "héllo\twörld ✓ \"quoted\" 'single' back\\slash", 25),
    ("varchar(20)", "varying", "varying", 1043),
    ("char(5)", "ab", "ab   ", 1042),
    ("bool", True, True, 16),
    ("bool", False, False, 16),
    ("date", datetime.date(2024, 2, 29), datetime.date(2024, 2, 29), 1082),
    ("timestamp", datetime.datetime(2024, 2, 29, 13, 45, 56, 123456), datetime.datetime(2024, 2, 29, 13, 45, 56, 123456), 1114),
    ("timestamptz", datetime.datetime(2024, 2, 29, 13, 45, 56, 500000, tzinfo=PLUS_TWO),
     datetime.datetime(2024, 2, 29, 11, 45, 56, 500000, tzinfo=UTC), 1184),
    ("uuid", uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), 2950),
    ("uuid", "{A0EEBC999C0B4EF8BB6D6BB9BD380A11}", uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), 2950),
    ("bytea", b"\x00\x01\x7f\x80\xff\\'x", memoryview(b"\x00\x01\x7f\x80\xff\\'x"), 17),
    ("bytea", bytearray(b""), memoryview(b""), 17),
    ("bytea", memoryview(b"ab\x00"), memoryview(b"ab\x00"), 17),
    ("time", datetime.time(13, 45, 56, 123456), datetime.time(13, 45, 56, 123456), 1083),
    ("time", datetime.time(0, 0), datetime.time(0, 0), 1083),
    ("interval", datetime.timedelta(days=3, hours=4, minutes=5, seconds=6.5),
     datetime.timedelta(days=3, hours=4, minutes=5, seconds=6.5), 1186),
    ("interval", datetime.timedelta(days=-1, hours=2, microseconds=1), datetime.timedelta(days=-1, hours=2, microseconds=1), 1186),
    ("interval", "1 year 2 mons 3 days 04:05:06.5", datetime.timedelta(days=365 + 60 + 3, hours=4, minutes=5, seconds=6.5), 1186),
    ("json", psycopg2.extras.Json({"b": None, "a": [1, 2.5, "ü"]}), {"b": None, "a": [1, 2.5, "ü"]}, 114),
    ("json", '{"b": 1, "a": [1, 2.50], "b": null}', {"a": [1, 2.5], "b": None}, 114),
    ("jsonb", psycopg2.extras.Json({"bb": 1, "a": {"nested": [True, None]}}), {"bb": 1, "a": {"nested": [True, None]}}, 3802),
    ("jsonb", '"a string"', "a string", 3802),
    ("int4", None, None, 23),
    ("jsonb", None, None, 3802),
]

# json has no = operator (PostgreSQL 15: 42883 operator does not exist: json = unknown).
NO_EQUALITY = {"json"}

checks = 0


def comparable(value):
    # Two memoryviews are equal only if their formats are too; compare what they hold.
    return ("memoryview", value.tobytes()) if isinstance(value, memoryview) else value


def check(what, actual, expected):
    global checks
    actual, expected = comparable(actual), comparable(expected)
    # type() too: 1 == 1.0 == Decimal(1) == True in Python, and a client reads them differently.
    if actual != expected or type(actual) is not type(expected):
        print(f"MISMATCH {what}\n  expected: {expected!r}\n  actual:   {actual!r}", file=sys.stderr)
        sys.exit(1)
    checks += 1
    print(f"ok {what}")


def expect_error(what, cursor, sql, params, pgcode):
    try:
        cursor.execute(sql, params)
    except psycopg2.Error as e:
        check(f"{what} fails with SQLSTATE {pgcode}", e.pgcode, pgcode)
        return e
    print(f"MISMATCH {what}: expected SQLSTATE {pgcode}, but it succeeded", file=sys.stderr)
    sys.exit(1)


def parameters(conn):
    with conn.cursor() as cur:
        cur.execute("create table py_items (id int primary key, name text not null, qty int)")
        cur.execute("insert into py_items values (%s, %s, %s), (%s, %s, %s)", (1, "apple", 3, 2, "o'reilly", None))
        check("insert with parameters: rowcount", cur.rowcount, 2)
        cur.execute("select name, qty from py_items where id = %s", (2,))
        check("select by parameter", cur.fetchall(), [("o'reilly", None)])
        cur.execute("select id from py_items where name = %(name)s or qty > %(qty)s order by id", {"name": "o'reilly", "qty": 1})
        check("named parameters", cur.fetchall(), [(1,), (2,)])
        cur.execute("select id from py_items where name like %s order by id", ("%reil%",))
        check("percent inside a parameter", cur.fetchall(), [(2,)])
        cur.execute("update py_items set qty = coalesce(qty, 0) + %s where id = %s returning qty", (5, 2))
        check("update returning", cur.fetchone(), (5,))
    conn.commit()


def types_round_trip(conn):
    with conn.cursor() as cur:
        columns = ", ".join(f"c{i} {case[0]}" for i, case in enumerate(TYPE_CASES))
        cur.execute(f"create table py_types (id int primary key, {columns})")
        placeholders = ", ".join("%s" for _ in TYPE_CASES)
        cur.execute(f"insert into py_types values (1, {placeholders})", [case[1] for case in TYPE_CASES])
        cur.execute("select * from py_types where id = 1")
        stored = cur.fetchone()
        oids = [column.type_code for column in cur.description]
        for i, (type_name, param, expected, oid) in enumerate(TYPE_CASES):
            label = f"{type_name} {param!r}"
            check(f"{label}: stored and read back", stored[i + 1], expected)
            check(f"{label}: column type oid", oids[i + 1], oid)
            cur.execute(f"select (%s)::{type_name}", (param,))
            check(f"{label}: literal cast reads back", cur.fetchone()[0], expected)
            if type_name not in NO_EQUALITY:
                cur.execute(f"select c{i} = %s or (c{i} is null and %s is null) from py_types where id = 1", (param, param))
                check(f"{label}: compares equal to the parameter", cur.fetchone(), (True,))
    conn.commit()


def copy_in_and_out(conn):
    with conn.cursor() as cur:
        cur.execute("create table py_copy (id int primary key, name text, price numeric(8,2), seen date)")
        # server gap: COPY … FROM STDIN into a table created earlier in the same transaction
        # answers 42P01 relation "py_copy" does not exist (PostgreSQL 15 copies into it). The
        # table is committed first; the COPYs below still run inside a transaction.
        conn.commit()
        cur.copy_expert("COPY py_copy FROM STDIN", io.StringIO(
            "1\tpen\t1.50\t2024-01-02\n2\twith\\ttab\t\\N\t2024-02-29\n3\t\\N\t10\t\\N\n"))
        check("copy_expert text in: rowcount", cur.rowcount, 3)
        cur.copy_expert("COPY py_copy (id, name, price, seen) FROM STDIN WITH (FORMAT csv, HEADER true)", io.StringIO(
            'id,name,price,seen\n4,"comma, quoted",2.345,2024-03-01\n5,,0,\n6,"""",7,2023-12-31\n'))
        check("copy_expert csv with header in: rowcount", cur.rowcount, 3)

        out = io.StringIO()
        cur.copy_expert("COPY (select id, name, price, seen from py_copy order by id) TO STDOUT", out)
        check("copy_expert text out", out.getvalue(),
              "1\tpen\t1.50\t2024-01-02\n2\twith\\ttab\t\\N\t2024-02-29\n3\t\\N\t10.00\t\\N\n"
              "4\tcomma, quoted\t2.35\t2024-03-01\n5\t\\N\t0.00\t\\N\n6\t\"\t7.00\t2023-12-31\n")
        out = io.StringIO()
        cur.copy_expert("COPY (select id, name, price from py_copy where id >= 4 order by id) TO STDOUT WITH (FORMAT csv, HEADER)", out)
        check("copy_expert csv with header out", out.getvalue(),
              'id,name,price\n4,"comma, quoted",2.35\n5,,0.00\n6,"""",7.00\n')

        # copy_from / copy_to write COPY in the old syntax: COPY "t" FROM stdin WITH DELIMITER AS '\t' NULL AS '\N'.
        cur.copy_from(io.StringIO("7\tfrom copy_from\t3.00\t2024-05-05\n"), "py_copy")
        out = io.StringIO()
        cur.copy_to(out, "py_copy", columns=("id", "name"))
        check("copy_from then copy_to", sorted(out.getvalue().splitlines())[-1], "7\tfrom copy_from")
        cur.execute("select count(*), sum(price) from py_copy")
        check("copied rows as a query sees them", cur.fetchone(), (7, Decimal("23.85")))
    conn.commit()


def errors_and_rollback(conn):
    with conn.cursor() as cur:
        cur.execute("create table py_errors (id int primary key)")
        cur.execute("insert into py_errors values (1)")
        conn.commit()
        cur.execute("insert into py_errors values (2)")
        e = expect_error("duplicate key", cur, "insert into py_errors values (%s)", (1,), "23505")
        check("duplicate key is UniqueViolation", type(e).__name__, "UniqueViolation")
        check("duplicate key message", e.diag.message_primary, 'duplicate key value violates unique constraint "py_errors_pkey"')
        expect_error("statement in the aborted transaction", cur, "select 1", None, "25P02")
        conn.rollback()
        cur.execute("select count(*) from py_errors")
        check("usable after rollback, without the failed transaction's row", cur.fetchone(), (1,))
        expect_error("division by zero", cur, "select %s / 0", (1,), "22012")
        conn.rollback()
        expect_error("syntax error", cur, "selec 1", None, "42601")
        conn.rollback()
        expect_error("bad integer literal", cur, "select %s::int", ("zz",), "22P02")
        conn.rollback()
        cur.execute("select id from py_errors order by id")
        check("session goes on after errors", cur.fetchall(), [(1,)])
    conn.commit()


def executemany(conn):
    with conn.cursor() as cur:
        cur.execute("create table py_many (id int primary key, label text, amount numeric(10,2))")
        rows = [(i, f"row {i}", Decimal(i) / 4) for i in range(1, 101)]
        cur.executemany("insert into py_many values (%s, %s, %s)", rows)
        check("executemany rowcount", cur.rowcount, 100)
        cur.executemany("update py_many set label = %s where id = %s", [("changed", 3), ("changed", 50), ("changed", 1000)])
        check("executemany update rowcount", cur.rowcount, 2)
        psycopg2.extras.execute_values(cur, "insert into py_many values %s", [(i, None, None) for i in range(101, 111)])
        cur.execute("select count(*), sum(amount), count(label), count(*) filter (where label = 'changed') from py_many")
        check("executemany rows", cur.fetchone(), (110, Decimal("1262.50"), 100, 2))
    conn.commit()


def transactions_across_connections(conn):
    other = psycopg2.connect("")
    try:
        with conn.cursor() as cur, other.cursor() as seen:
            cur.execute("create table py_tx (id int primary key)")
            conn.commit()
            cur.execute("insert into py_tx values (1)")
            seen.execute("select count(*) from py_tx")
            check("uncommitted row unseen by another connection", seen.fetchone(), (0,))
            other.rollback()
            conn.commit()
            seen.execute("select count(*) from py_tx")
            check("committed row seen by another connection", seen.fetchone(), (1,))
            other.rollback()
            conn.autocommit = True
            cur.execute("insert into py_tx values (2)")
            seen.execute("select count(*) from py_tx")
            check("autocommit row seen at once", seen.fetchone(), (2,))
            conn.autocommit = False
    finally:
        other.close()


def main():
    psycopg2.extras.register_uuid()
    conn = psycopg2.connect("", connect_timeout=10, options="-c statement_timeout=30000")
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            for table in ("py_items", "py_types", "py_copy", "py_errors", "py_many", "py_tx"):
                cur.execute(f"drop table if exists {table}")
        conn.autocommit = False
        parameters(conn)
        types_round_trip(conn)
        copy_in_and_out(conn)
        errors_and_rollback(conn)
        executemany(conn)
        transactions_across_connections(conn)
    finally:
        conn.close()
    print(f"psycopg2 {psycopg2.__version__}: {checks} checks passed")


if __name__ == "__main__":
    try:
        main()
    except psycopg2.Error as e:
        print(f"FAILED: {type(e).__name__} (SQLSTATE {e.pgcode}): {e}", file=sys.stderr)
        sys.exit(1)
