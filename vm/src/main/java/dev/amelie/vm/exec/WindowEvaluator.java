package dev.amelie.vm.exec;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.SortKey;
import dev.amelie.vm.program.WindowSpec;
import dev.amelie.vm.value.Values;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates one OVER clause's window functions over a materialized row set, as PostgreSQL does:
 * rows sorted on the partition and the order, each partition taken whole, and every row extended
 * by one value per call. Frames: ROWS and RANGE with UNBOUNDED/CURRENT ROW edges, ROWS with n
 * PRECEDING/FOLLOWING; the default (RANGE UNBOUNDED PRECEDING to CURRENT ROW) includes peers.
 */
final class WindowEvaluator {
    private WindowEvaluator() {}

    static void apply(List<Object[]> rows, WindowSpec spec, java.time.ZoneId zone) {
        SortKey[] sortKeys = new SortKey[spec.partition().length + spec.order().length];
        for (int i = 0; i < spec.partition().length; i++) {
            sortKeys[i] = new SortKey(spec.partition()[i], false, false);
        }
        System.arraycopy(spec.order(), 0, sortKeys, spec.partition().length, spec.order().length);
        Interpreter.sort(rows, sortKeys);
        int width = rows.isEmpty() ? 0 : rows.getFirst().length;
        List<Object[]> extended = new ArrayList<>(rows.size());
        int start = 0;
        while (start < rows.size()) {
            int end = start + 1;
            while (end < rows.size() && same(rows.get(start), rows.get(end), spec.partition())) {
                end++;
            }
            List<Object[]> partition = rows.subList(start, end);
            Object[][] values = new Object[spec.calls().size()][];
            for (int c = 0; c < values.length; c++) {
                values[c] = evaluate(partition, spec.calls().get(c), spec.order(), zone);
            }
            for (int i = 0; i < partition.size(); i++) {
                Object[] row = Arrays.copyOf(partition.get(i), width + values.length);
                for (int c = 0; c < values.length; c++) {
                    row[width + c] = values[c][i];
                }
                extended.add(row);
            }
            start = end;
        }
        rows.clear();
        rows.addAll(extended);
    }

    private static boolean same(Object[] a, Object[] b, int[] columns) {
        for (int column : columns) {
            Object x = a[column];
            Object y = b[column];
            if (x == null || y == null ? x != y : Values.compare(x, y) != 0) {
                return false;
            }
        }
        return true;
    }

    private static Object[] evaluate(List<Object[]> partition, WindowSpec.Call call, SortKey[] order, java.time.ZoneId zone) {
        int n = partition.size();
        Object[] out = new Object[n];
        int[] orderColumns = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            orderColumns[k] = order[k].column();
        }
        // First row of each row's peer group and last, for ranks and RANGE frames.
        int[] peerStart = new int[n];
        int[] peerEnd = new int[n];
        for (int i = 0; i < n; i++) {
            peerStart[i] = i > 0 && same(partition.get(i - 1), partition.get(i), orderColumns) ? peerStart[i - 1] : i;
        }
        for (int i = n - 1; i >= 0; i--) {
            peerEnd[i] = i < n - 1 && same(partition.get(i + 1), partition.get(i), orderColumns) ? peerEnd[i + 1] : i;
        }
        int dense = 0;
        for (int i = 0; i < n; i++) {
            if (peerStart[i] == i) {
                dense++;
            }
            Object value = switch (call.kind()) {
                case ROW_NUMBER -> (long) (i + 1);
                case RANK -> (long) (peerStart[i] + 1);
                case DENSE_RANK -> (long) dense;
                case PERCENT_RANK -> n <= 1 ? 0.0 : (double) peerStart[i] / (n - 1);
                case CUME_DIST -> (double) (peerEnd[i] + 1) / n;
                case NTILE -> ntile(i, n, call.offset());
                case LAG -> i - call.offset() >= 0 && i - call.offset() < n
                        ? partition.get((int) (i - call.offset()))[call.argument()] : call.fallback();
                case LEAD -> i + call.offset() >= 0 && i + call.offset() < n
                        ? partition.get((int) (i + call.offset()))[call.argument()] : call.fallback();
                default -> {
                    int from = edge(call.lower(), call.lowerOffset(), true, i, n, peerStart, peerEnd, call.rows());
                    int to = edge(call.upper(), call.upperOffset(), false, i, n, peerStart, peerEnd, call.rows());
                    yield aggregate(call, partition, Math.max(0, from), Math.min(n - 1, to));
                }
            };
            out[i] = value == null || call.type() == null ? value : Values.cast(value, call.type(), zone);
        }
        return out;
    }

    private static Object ntile(int i, int n, long buckets) {
        if (buckets <= 0) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "argument of ntile must be greater than zero");
        }
        long size = n / buckets;
        long extra = n % buckets; // the first `extra` buckets have one more row
        long bigRows = extra * (size + 1);
        return i < bigRows ? i / (size + 1) + 1 : extra + (i - bigRows) / Math.max(size, 1) + 1;
    }

    private static int edge(WindowSpec.Edge edge, long offset, boolean lower, int i, int n, int[] peerStart, int[] peerEnd,
                            boolean rows) {
        return switch (edge) {
            case UNBOUNDED_PRECEDING -> 0;
            case UNBOUNDED_FOLLOWING -> n - 1;
            case CURRENT_ROW -> rows ? i : lower ? peerStart[i] : peerEnd[i];
            case PRECEDING -> (int) Math.max(-1, i - offset);
            case FOLLOWING -> (int) Math.min(n, i + offset);
        };
    }

    private static Object aggregate(WindowSpec.Call call, List<Object[]> partition, int from, int to) {
        if (from > to) {
            return call.kind() == WindowSpec.Kind.COUNT || call.kind() == WindowSpec.Kind.COUNT_STAR ? 0L : null;
        }
        return switch (call.kind()) {
            case FIRST_VALUE -> partition.get(from)[call.argument()];
            case LAST_VALUE -> partition.get(to)[call.argument()];
            case COUNT_STAR -> (long) (to - from + 1);
            default -> {
                long count = 0;
                Object acc = null;
                for (int j = from; j <= to; j++) {
                    Object v = partition.get(j)[call.argument()];
                    if (v == null) {
                        continue;
                    }
                    count++;
                    acc = switch (call.kind()) {
                        case COUNT -> null;
                        case MIN -> acc == null || Values.compare(v, acc) < 0 ? v : acc;
                        case MAX -> acc == null || Values.compare(v, acc) > 0 ? v : acc;
                        default -> acc == null ? v : add(acc, v);
                    };
                }
                yield switch (call.kind()) {
                    case COUNT -> count;
                    case AVG -> count == 0 ? null : average(acc, count);
                    default -> acc;
                };
            }
        };
    }

    private static Object add(Object x, Object y) {
        if (x instanceof Double || y instanceof Double || x instanceof Float || y instanceof Float) {
            return ((Number) x).doubleValue() + ((Number) y).doubleValue();
        }
        if (Values.isIntegral((Number) x) && Values.isIntegral((Number) y)) {
            long a = ((Number) x).longValue();
            long b = ((Number) y).longValue();
            long sum = a + b;
            if (((a ^ sum) & (b ^ sum)) >= 0) {
                return sum;
            }
        }
        return toDecimal(x).add(toDecimal(y));
    }

    private static Object average(Object sum, long count) {
        if (sum instanceof Double d) {
            return d / count;
        }
        return toDecimal(sum).divide(BigDecimal.valueOf(count), MathContext.DECIMAL128);
    }

    private static BigDecimal toDecimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
