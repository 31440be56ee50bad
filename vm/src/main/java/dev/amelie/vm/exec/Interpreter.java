package dev.amelie.vm.exec;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.function.TextFunctions;
import dev.amelie.vm.function.ScalarFunctions;
import dev.amelie.vm.program.Code;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.program.IndexRef;
import dev.amelie.vm.program.TableKeyRef;
import dev.amelie.vm.program.HashProbe;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.RowSourceKind;
import dev.amelie.vm.program.SortKey;
import dev.amelie.vm.type.SqlType;
import dev.amelie.vm.value.DateTimeFields;
import dev.amelie.vm.value.Values;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Runs one {@link Code} section against an {@link ExecutionContext}. Stateless: each call gets
 * a fresh register file, so one interpreter serves any number of threads.
 */
public final class Interpreter {
    private static final SqlType[] TYPES = SqlType.values();
    private static final RowSourceKind[] SOURCES = RowSourceKind.values();

    private Interpreter() {}

    public static void run(Code section, ExecutionContext context) {
        int[] code = section.code();
        Object[] constants = section.constants();
        Object[] r = new Object[section.registers()];
        Cursor[] cursors = new Cursor[section.cursors()];
        java.time.ZoneId zone = context.timeZone();
        int pc = 0;
        while (true) {
            int at = pc * 4;
            int word = code[at];
            int a = code[at + 1];
            int b = code[at + 2];
            int c = code[at + 3];
            pc++;
            switch (Opcode.of(word & 0xffff)) {
                case CONST -> r[a] = constants[b];
                case PARAM -> r[a] = parameter(context, b);
                case COPY -> r[a] = r[b];
                case OPEN -> cursors[a] = context.open(SOURCES[b], c);
                case LOOKUP -> cursors[a] = context.lookup(Arrays.copyOfRange(r, b, b + c));
                case LOOKUP_IN -> {
                    TableKeyRef key = (TableKeyRef) constants[c];
                    cursors[a] = context.lookupIn(key.tableId(), Arrays.copyOfRange(r, b, b + key.width()));
                }
                case INDEX_LOOKUP -> {
                    IndexRef index = (IndexRef) constants[c];
                    cursors[a] = context.indexLookup(index.name(), Arrays.copyOfRange(r, b, b + index.width()));
                }
                case NEXT -> {
                    if (!cursors[a].next()) {
                        pc = b;
                    }
                }
                case COLUMN -> r[a] = cursors[b].row()[c];
                case ADD -> r[a] = arithmetic('+', r[b], r[c], word, zone);
                case SUBTRACT -> r[a] = arithmetic('-', r[b], r[c], word, zone);
                case MULTIPLY -> r[a] = arithmetic('*', r[b], r[c], word, zone);
                case DIVIDE -> r[a] = arithmetic('/', r[b], r[c], word, zone);
                case MODULO -> r[a] = arithmetic('%', r[b], r[c], word, zone);
                case NEGATE -> r[a] = r[b] == null ? null : Values.negate(r[b]);
                case CONCAT -> r[a] = r[b] == null || r[c] == null ? null : Values.concat(r[b], r[c], zone);
                case EQUAL -> r[a] = r[b] == null || r[c] == null ? null : Values.compare(r[b], r[c]) == 0;
                case NOT_EQUAL -> r[a] = r[b] == null || r[c] == null ? null : Values.compare(r[b], r[c]) != 0;
                case LESS -> r[a] = r[b] == null || r[c] == null ? null : Values.compare(r[b], r[c]) < 0;
                case LESS_OR_EQUAL -> r[a] = r[b] == null || r[c] == null ? null : Values.compare(r[b], r[c]) <= 0;
                case GREATER -> r[a] = r[b] == null || r[c] == null ? null : Values.compare(r[b], r[c]) > 0;
                case GREATER_OR_EQUAL -> r[a] = r[b] == null || r[c] == null ? null : Values.compare(r[b], r[c]) >= 0;
                case NOT_DISTINCT -> r[a] = r[b] == null || r[c] == null ? r[b] == r[c] : Values.compare(r[b], r[c]) == 0;
                case AND -> r[a] = and(r[b], r[c]);
                case OR -> r[a] = or(r[b], r[c]);
                case NOT -> r[a] = r[b] == null ? null : !(Boolean) r[b];
                case IS_NULL -> r[a] = r[b] == null;
                case IS_NOT_NULL -> r[a] = r[b] != null;
                case IS_TRUE -> r[a] = Boolean.TRUE.equals(r[b]);
                case IS_FALSE -> r[a] = Boolean.FALSE.equals(r[b]);
                case CAST -> r[a] = r[b] == null ? null : Values.cast(r[b], TYPES[c], zone);
                case CALL -> r[a] = switch (Function.of(b >>> 8)) {
                    case NOW -> context.transactionTime();
                    case RANDOM -> context.random().nextDouble();
                    case GEN_RANDOM_UUID -> randomUuid(context.random());
                    case NEXTVAL -> r[c] == null ? null : context.nextval(Values.toText(r[c]));
                    case CURRVAL -> r[c] == null ? null : context.currval(Values.toText(r[c]));
                    case PG_BACKEND_PID -> context.server().backendPid();
                    case CURRENT_SETTING -> r[c] == null ? null : context.server().setting(Values.toText(r[c]),
                            (b & 0xff) > 1 && Boolean.TRUE.equals(r[c + 1]));
                    case SET_CONFIG -> {
                        if (r[c] == null) {
                            throw new SqlException(SqlState.NULL_VALUE_NOT_ALLOWED, "SET requires parameter name");
                        }
                        yield context.server().setSetting(Values.toText(r[c]), r[c + 1] == null ? null : Values.toText(r[c + 1]),
                                Boolean.TRUE.equals(r[c + 2]));
                    }
                    case PG_CANCEL_BACKEND -> r[c] == null ? null : context.server().signal(((Number) r[c]).intValue(), false);
                    case PG_TERMINATE_BACKEND -> r[c] == null ? null : context.server().signal(((Number) r[c]).intValue(), true);
                    case SETVAL -> r[c] == null || r[c + 1] == null ? null : context.setval(Values.toText(r[c]),
                            ((Number) r[c + 1]).longValue(), (b & 0xff) < 3 || r[c + 2] == null || (Boolean) r[c + 2]);
                    case Function function when function.area() == Function.Area.CATALOG ->
                            context.server().catalogCall(function, Arrays.copyOfRange(r, c, c + (b & 0xff)));
                    case Function function when function.area() == Function.Area.SESSION ->
                            context.server().sessionCall(function, Arrays.copyOfRange(r, c, c + (b & 0xff)));
                    case Function function -> call(function, r, c, b & 0xff, zone);
                };
                case JUMP -> {
                    if (a < pc && context.cancelled()) { // a loop's turn: the place to stop
                        throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
                    }
                    pc = a;
                }
                case JUMP_FALSE -> {
                    if (!Boolean.TRUE.equals(r[a])) {
                        pc = b;
                    }
                }
                case JUMP_TRUE -> {
                    if (Boolean.TRUE.equals(r[a])) {
                        pc = b;
                    }
                }
                case EMIT -> context.rowSet(c).add(Arrays.copyOfRange(r, a, a + b));
                case SORT -> sort(context.rowSet(a), (SortKey[]) constants[b]);
                case VARIANCE_ADD -> r[a] = Variance.add(r[a], r[b]);
                case BIT_AGG -> r[a] = bits(r[a], r[b], c);
                case VARIANCE_RESULT -> r[a] = Variance.result(r[b], c);
                case MULTISET -> MultisetOperations.apply(context.rowSet(a), context.rowSet(b), c);
                case NEW_ROWS -> r[b] = RecursiveRows.keepNew(context.rowSet(a), r[b]);
                case ITERATE -> {
                    if (!RecursiveRows.nextTurn(context.rowSet(a), context.rowSet(b))) {
                        pc = c;
                    }
                }
                case LIMIT_START -> StreamingLimit.start(r, a, r[b], r[c]);
                case TAKE -> {
                    if (!StreamingLimit.take(r, a)) {
                        pc = b;
                    }
                }
                case WINDOW -> WindowEvaluator.apply(context.rowSet(a), (dev.amelie.vm.program.WindowSpec) constants[b], zone);
                case LIMIT -> limit(context.rowSet(a), r[b], r[c]);
                case HASH_BUILD -> context.buildHash(a, (int[]) constants[b]);
                case HASH_PROBE -> {
                    HashProbe probe = (HashProbe) constants[b];
                    cursors[a] = context.probe(probe.rowSet(), Arrays.copyOfRange(r, c, c + probe.keyCount()));
                }
                case CLEAR -> context.rowSet(a).clear();
                case COUNT -> r[a] = (Long) r[a] + 1;
                case COUNT_VALUE -> {
                    if (r[b] != null) {
                        r[a] = (Long) r[a] + 1;
                    }
                }
                case SUM -> {
                    if (r[b] != null) {
                        r[a] = r[a] == null ? r[b] : sum(r[a], r[b]);
                    }
                }
                case MIN -> {
                    if (r[b] != null && (r[a] == null || Values.compare(r[b], r[a]) < 0)) {
                        r[a] = r[b];
                    }
                }
                case MAX -> {
                    if (r[b] != null && (r[a] == null || Values.compare(r[b], r[a]) > 0)) {
                        r[a] = r[b];
                    }
                }
                case STRING_AGG -> {
                    if (r[b] != null) {
                        String value = Values.toText(r[b], zone);
                        r[a] = r[a] == null ? value : r[a] + (r[c] == null ? "" : Values.toText(r[c], zone)) + value;
                    }
                }
                case COLLECT -> {
                    if (r[a] == null) {
                        r[a] = new java.util.ArrayList<Object>();
                    }
                    @SuppressWarnings("unchecked")
                    java.util.List<Object> list = (java.util.List<Object>) r[a];
                    list.add(r[b]);
                }
                case INSERT -> context.insert(Arrays.copyOfRange(r, a, a + b));
                case INSERT_IF_ABSENT -> r[c] = context.insertIfAbsent(Arrays.copyOfRange(r, a, a + b), false);
                case INSERT_OR_CONFLICT -> r[c] = context.insertIfAbsent(Arrays.copyOfRange(r, a, a + b), true);
                case UPDATE -> context.update(cursors[a], Arrays.copyOfRange(r, b, b + c));
                case DELETE -> context.delete(cursors[a]);
                case RAISE -> throw new SqlException((SqlState) constants[a], (String) constants[b]);
                case FIT_ROW -> context.fitRow(r, a);
                case CHECK -> {
                    if (Boolean.FALSE.equals(r[a])) {
                        throw checkViolation((dev.amelie.vm.program.CheckSpec) constants[b], r, c);
                    }
                }
                case RETURN -> {
                    return;
                }
            }
        }
    }

    /** PostgreSQL's message and detail for a row that fails a CHECK constraint (execMain.c, ExecConstraints). */
    private static SqlException checkViolation(dev.amelie.vm.program.CheckSpec check, Object[] r, int first) {
        java.util.StringJoiner values = new java.util.StringJoiner(", ", "(", ")");
        for (int i = 0; i < check.width(); i++) {
            Object value = r[first + i];
            values.add(value == null ? "null" : Values.toOutputText(value));
        }
        return new SqlException(SqlState.CHECK_VIOLATION, "new row for relation \"" + check.relation()
                + "\" violates check constraint \"" + check.constraint() + "\"", "Failing row contains " + values + ".",
                null, 0, null);
    }

    private static Object parameter(ExecutionContext context, int index) {
        Object[] parameters = context.parameters();
        if (index >= parameters.length) {
            throw new SqlException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $" + (index + 1));
        }
        return parameters[index];
    }

    /** Arithmetic's result type rides in the opcode word's upper half (see {@link Opcode}). */
    /** A version 4, variant 1 UUID (RFC 4122) from the section's random numbers. */
    private static java.util.UUID randomUuid(java.util.random.RandomGenerator random) {
        long high = random.nextLong() & ~0xf000L | 0x4000L;
        long low = random.nextLong() & ~(0xcL << 60) | 0x8L << 60;
        return new java.util.UUID(high, low);
    }

    private static Object arithmetic(char op, Object x, Object y, int word, java.time.ZoneId zone) {
        if (x == null || y == null) {
            return null;
        }
        return Values.arithmetic(op, x, y, TYPES[word >>> 16], zone);
    }

    /**
     * Integral sums add in long while they fit and go on in numeric past that, as PostgreSQL's
     * sum(int8) (a numeric) does; the statement's declared result type is cast to at the end.
     */
    private static Object sum(Object accumulator, Object value) {
        return switch (accumulator) {
            case Long l when value instanceof Number n && Values.isIntegral(n) -> addExactOrWiden(l, n.longValue());
            case Integer i when value instanceof Number n && Values.isIntegral(n) -> addExactOrWiden(i, n.longValue());
            case Short s when value instanceof Number n && Values.isIntegral(n) -> addExactOrWiden(s, n.longValue());
            case Double d -> d + ((Number) value).doubleValue();
            // Sums add numbers and intervals, nothing whose meaning depends on a zone.
            default -> Values.arithmetic('+', accumulator, value, SqlType.NUMERIC, java.time.ZoneOffset.UTC);
        };
    }

    /** bit_and, bit_or, bit_xor of integers, in the argument's own type. */
    private static Object bits(Object accumulator, Object value, int operation) {
        if (value == null) {
            return accumulator;
        }
        if (accumulator == null) {
            return value;
        }
        long x = ((Number) accumulator).longValue();
        long y = ((Number) value).longValue();
        long result = operation == 0 ? x & y : operation == 1 ? x | y : x ^ y;
        return switch (value) {
            case Short s -> (short) result;
            case Integer i -> (int) result;
            default -> result;
        };
    }

    private static Object addExactOrWiden(long x, long y) {
        long sum = x + y;
        if (((x ^ sum) & (y ^ sum)) < 0) {
            return java.math.BigDecimal.valueOf(x).add(java.math.BigDecimal.valueOf(y));
        }
        return sum;
    }

    private static Object and(Object x, Object y) {
        if (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)) {
            return false;
        }
        return x == null || y == null ? null : true;
    }

    private static Object or(Object x, Object y) {
        if (Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y)) {
            return true;
        }
        return x == null || y == null ? null : false;
    }

    private static Object call(Function function, Object[] r, int first, int count, java.time.ZoneId zone) {
        if (function.area() != Function.Area.CORE) {
            return ScalarFunctions.call(function, r, first, count, zone);
        }
        if (function == Function.COALESCE) {
            for (int i = first; i < first + count; i++) {
                if (r[i] != null) {
                    return r[i];
                }
            }
            return null;
        }
        Object arg = r[first];
        if (arg == null) {
            return null;
        }
        return switch (function) {
            case LOWER -> TextFunctions.lower(Values.toText(arg));
            case UPPER -> TextFunctions.upper(Values.toText(arg));
            case LENGTH -> Values.toText(arg).codePointCount(0, Values.toText(arg).length());
            case ABS -> switch (arg) {
                case Number n when Values.compare(n, 0) >= 0 -> n;
                default -> Values.negate(arg);
            };
            case EXTRACT -> r[first + 1] == null ? null : DateTimeFields.extract(Values.toText(arg), r[first + 1], zone);
            default -> throw new IllegalStateException(function.name());
        };
    }

    static void sort(List<Object[]> rows, SortKey[] keys) {
        Comparator<Object[]> order = null;
        for (SortKey key : keys) {
            Comparator<Object[]> one = (x, y) -> {
                Object u = x[key.column()];
                Object v = y[key.column()];
                if (u == null || v == null) {
                    if (u == v) {
                        return 0;
                    }
                    return (u == null) == key.nullsFirst() ? -1 : 1;
                }
                int cmp = Values.compare(u, v);
                return key.descending() ? -cmp : cmp;
            };
            order = order == null ? one : order.thenComparing(one);
        }
        if (order != null) {
            rows.sort(order);
        }
    }

    static void limit(List<Object[]> rows, Object offsetValue, Object countValue) {
        long offset = StreamingLimit.offset(offsetValue);
        long count = StreamingLimit.count(countValue);
        int from = (int) Math.min(offset, rows.size());
        int to = (int) Math.min(rows.size(), from + Math.min(count, Integer.MAX_VALUE));
        List<Object[]> kept = List.copyOf(rows.subList(from, to));
        rows.clear();
        rows.addAll(kept);
    }
}
