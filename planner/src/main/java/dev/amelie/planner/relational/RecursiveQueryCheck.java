package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.planner.error.CalciteErrors;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL's rules for WITH RECURSIVE (parse_cte.c, checkWellFormedRecursion; parse_agg.c),
 * which Calcite does not check: a query that reads its own name is {@code non-recursive term
 * UNION [ALL] recursive term}, reads itself once, in the recursive term, not from a subquery, the
 * nullable side of an outer join, INTERSECT or EXCEPT, without aggregates at that level and
 * without ORDER BY, OFFSET or LIMIT on the union; and its columns take the non-recursive term's
 * types, which the recursive term's must fit. A WITH RECURSIVE query that does not read itself
 * is an ordinary one.
 */
final class RecursiveQueryCheck {
    private RecursiveQueryCheck() {}

    /** Aggregate functions by name: the check runs on the parsed tree, before functions are resolved. */
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "array_agg", "string_agg",
            "bool_and", "bool_or", "every", "bit_and", "bit_or", "bit_xor", "json_agg", "jsonb_agg", "json_object_agg",
            "jsonb_object_agg", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp");

    /** Where a reference to the query is met, and what PostgreSQL says of it there. */
    private enum Context {
        RECURSIVE_TERM(null),
        NON_RECURSIVE_TERM("its non-recursive term"),
        SUBQUERY("a subquery"),
        OUTER_JOIN("an outer join"),
        INTERSECT("INTERSECT"),
        EXCEPT("EXCEPT");

        final String place;

        Context(String place) {
            this.place = place;
        }
    }

    /**
     * What the parsed statement says of its recursive queries' non-recursive terms, for
     * {@link #checkTypes}: per term (by its place in the text), how many casts the text wraps
     * each column in. Calcite's coercion adds casts; it is the type below them that counts.
     */
    record Seeds(java.util.Map<SqlParserPos, int[]> castDepths) {}

    /** The form checks, on the parsed statement. */
    static void checkForm(SqlNode statement, String text) {
        statement.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWith with) {
                    checkWith(with, text);
                }
                return super.visit(call);
            }
        });
    }

    /** The {@link Seeds} of a statement about to be validated (after our rewrites, which may change casts). */
    static Seeds seeds(SqlNode statement) {
        java.util.Map<SqlParserPos, int[]> depths = new java.util.HashMap<>();
        forEachRecursiveUnion(statement, (item, union) -> {
            if (union.operand(0) instanceof SqlSelect seed) {
                depths.put(seed.getParserPosition(), seed.getSelectList().getList().stream()
                        .mapToInt(RecursiveQueryCheck::castDepth).toArray());
            }
        });
        return new Seeds(depths);
    }

    /** How many casts a select-list item is, one inside the other. */
    private static int castDepth(SqlNode column) {
        SqlNode node = column.getKind() == SqlKind.AS ? ((SqlCall) column).operand(0) : column;
        int depth = 0;
        while (node instanceof SqlCall cast && cast.getKind() == SqlKind.CAST) {
            depth++;
            node = cast.operand(0);
        }
        return depth;
    }

    /** The recursive WITH items: those whose query reads their own name. */
    private static List<SqlWithItem> recursiveItems(SqlWith with) {
        List<SqlWithItem> items = new ArrayList<>();
        for (SqlNode node : with.withList) {
            SqlWithItem item = (SqlWithItem) node;
            if (item.recursive != null && item.recursive.booleanValue() && reads(item.query, name(item))) {
                items.add(item);
            }
        }
        return items;
    }

    private static void checkWith(SqlWith with, String text) {
        List<SqlNode> items = with.withList.getList();
        for (int i = 0; i < items.size(); i++) {
            SqlWithItem item = (SqlWithItem) items.get(i);
            if (item.recursive == null || !item.recursive.booleanValue()) {
                continue;
            }
            String name = name(item);
            checkColumnCount(item, text);
            for (SqlNode later : items.subList(i + 1, items.size())) {
                SqlWithItem other = (SqlWithItem) later;
                if (reads(item.query, name(other)) && reads(other.query, name)) {
                    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                            "mutual recursion between WITH items is not implemented", null, null, at(item, text), null);
                }
            }
            if (!reads(item.query, name)) {
                continue;
            }
            SqlNode query = item.query;
            SqlOrderBy decoration = query instanceof SqlOrderBy orderBy ? orderBy : null;
            if (decoration != null) {
                query = decoration.query;
            }
            if (query.getKind() != SqlKind.UNION) {
                throw new SqlException(SqlState.INVALID_RECURSION, "recursive query \"" + name
                        + "\" does not have the form non-recursive-term UNION [ALL] recursive-term", null, null, at(item, text), null);
            }
            SqlBasicCall union = (SqlBasicCall) query;
            Walk walk = new Walk(name, text);
            walk.visit(union.operand(0), Context.NON_RECURSIVE_TERM);
            walk.visit(union.operand(1), Context.RECURSIVE_TERM);
            if (decoration != null) {
                if (decoration.orderList != null && !decoration.orderList.isEmpty()) {
                    throw notImplemented("ORDER BY", decoration.orderList.get(0), text);
                }
                if (decoration.offset != null) {
                    throw notImplemented("OFFSET", decoration.offset, text);
                }
                if (decoration.fetch != null) {
                    throw notImplemented("LIMIT", decoration.fetch, text);
                }
            }
        }
    }

    /**
     * The type check, on the validated statement: PostgreSQL takes the non-recursive term's
     * column types as the query's; a recursive term whose type is wider (bigint for an integer
     * column) changes the union's type, which PostgreSQL refuses (42804) rather than widen.
     */
    static void checkTypes(SqlNode statement, Seeds seeds, SqlValidator validator, String text) {
        forEachRecursiveUnion(statement, (item, union) -> checkTypes(item, union, seeds, validator, text));
    }

    /** Each recursive WITH query of the statement whose body is a UNION [ALL], with that UNION. */
    private static void forEachRecursiveUnion(SqlNode statement, java.util.function.BiConsumer<SqlWithItem, SqlBasicCall> action) {
        statement.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWith with) {
                    for (SqlWithItem item : recursiveItems(with)) {
                        SqlNode query = item.query instanceof SqlOrderBy orderBy ? orderBy.query : item.query;
                        if (query.getKind() == SqlKind.UNION) {
                            action.accept(item, (SqlBasicCall) query);
                        }
                    }
                }
                return super.visit(call);
            }
        });
    }

    /**
     * Calcite's coercion has already cast the non-recursive term's columns to the union's type
     * (casts without a position in the text); the type before such a cast is the one PostgreSQL
     * gives the column.
     */
    private static void checkTypes(SqlWithItem item, SqlBasicCall union, Seeds seeds, SqlValidator validator, String text) {
        RelDataType overall = validator.getValidatedNodeTypeIfKnown(union);
        if (overall == null || !(union.operand(0) instanceof SqlSelect seed)) {
            return;
        }
        int[] written = seeds.castDepths().get(seed.getParserPosition());
        List<SqlNode> columns = seed.getSelectList().getList();
        for (int i = 0; written != null && i < columns.size() && i < written.length && i < overall.getFieldCount(); i++) {
            SqlNode column = columns.get(i);
            if (column.getKind() == SqlKind.AS) {
                column = ((SqlCall) column).operand(0);
            }
            if (!(column instanceof SqlCall cast) || castDepth(column) <= written[i]) {
                continue;
            }
            RelDataType before = validator.deriveType(validator.getSelectScope(seed), cast.operand(0));
            SqlType declared = TypeMapping.fromCalcite(before);
            SqlType produced = TypeMapping.fromCalcite(overall.getFieldList().get(i).getType());
            if (declared != produced && declared != SqlType.UNKNOWN) {
                throw new SqlException(SqlState.DATATYPE_MISMATCH, "recursive query \"" + name(item) + "\" column " + (i + 1)
                        + " has type " + declared.sqlName() + " in non-recursive term but type " + produced.sqlName() + " overall",
                        null, "Cast the output of the non-recursive term to the correct type.",
                        at(cast.operand(0).getParserPosition(), text), null);
            }
        }
    }

    /** The references in one recursive query's terms, in the order PostgreSQL walks them. */
    private static final class Walk {
        private final String name;
        private final String text;
        private int references;

        Walk(String name, String text) {
            this.name = name;
            this.text = text;
        }

        void visit(SqlNode node, Context context) {
            switch (node) {
                case null -> { }
                case SqlIdentifier id when isReference(id) -> reference(id, context);
                case SqlSelect select -> select(select, context);
                case SqlJoin join -> join(join, context);
                case SqlOrderBy orderBy -> {
                    visit(orderBy.query, context);
                    visit(orderBy.orderList, context);
                }
                case SqlWith with -> {
                    visit(with.withList, context);
                    visit(with.body, context);
                }
                case SqlCall call when call.getKind() == SqlKind.INTERSECT -> operands(call, context == Context.RECURSIVE_TERM
                        ? Context.INTERSECT : context, context == Context.RECURSIVE_TERM ? Context.INTERSECT : context);
                case SqlCall call when call.getKind() == SqlKind.EXCEPT -> operands(call, context,
                        context == Context.RECURSIVE_TERM ? Context.EXCEPT : context);
                case SqlNodeList list -> {
                    for (SqlNode element : list) {
                        visit(element, context);
                    }
                }
                case SqlCall call -> {
                    for (SqlNode operand : call.getOperandList()) {
                        visit(operand, context);
                    }
                }
                default -> { }
            }
        }

        private void operands(SqlCall call, Context left, Context right) {
            visit(call.operand(0), left);
            visit(call.operand(1), right);
        }

        /** A FROM item naming the query (the only place an identifier is visited as one). */
        private boolean isReference(SqlIdentifier id) {
            return id.isSimple() && id.getSimple().equals(name);
        }

        private void reference(SqlIdentifier id, Context context) {
            if (context != Context.RECURSIVE_TERM) {
                throw invalid("recursive reference to query \"" + name + "\" must not appear within " + context.place, id);
            }
            if (++references > 1) {
                throw invalid("recursive reference to query \"" + name + "\" must not appear more than once", id);
            }
        }

        private SqlException invalid(String message, SqlNode node) {
            return new SqlException(SqlState.INVALID_RECURSION, message, null, null, at(node.getParserPosition(), text), null);
        }

        /**
         * A SELECT: its FROM items may name the query; every other part is expressions, whose
         * query operands are subqueries. A SELECT below the recursive term's top level is a
         * subquery too (in FROM or in an expression).
         */
        private void select(SqlSelect select, Context context) {
            int before = references;
            expressions(select.getSelectList(), context);
            from(select.getFrom(), context);
            expressions(select.getWhere(), context);
            expressions(select.getGroup(), context);
            expressions(select.getHaving(), context);
            expressions(select.getOrderList(), context);
            if (references > before && context == Context.RECURSIVE_TERM) {
                SqlNode aggregate = firstAggregate(select);
                if (aggregate != null) {
                    throw invalid("aggregate functions are not allowed in a recursive query's recursive term", aggregate);
                }
            }
        }

        private void from(SqlNode from, Context context) {
            switch (from) {
                case null -> { }
                case SqlIdentifier id -> visit(id, context);
                case SqlJoin join -> join(join, context);
                case SqlCall call when call.getKind() == SqlKind.AS -> from(call.operand(0), context);
                // A FROM subquery: independent of the outer context, as in PostgreSQL.
                default -> visit(from, Context.SUBQUERY);
            }
        }

        private void join(SqlJoin join, Context context) {
            JoinType type = join.getJoinType();
            Context outer = context == Context.RECURSIVE_TERM ? Context.OUTER_JOIN : context;
            from(join.getLeft(), type == JoinType.RIGHT || type == JoinType.FULL ? outer : context);
            from(join.getRight(), type == JoinType.LEFT || type == JoinType.FULL ? outer : context);
            expressions(join.getCondition(), context);
        }

        /** Expressions: any query in them is a subquery. */
        private void expressions(SqlNode node, Context context) {
            if (node == null) {
                return;
            }
            node.accept(new SqlBasicVisitor<Void>() {
                @Override
                public Void visit(SqlCall call) {
                    if (call instanceof SqlSelect || call.getKind().belongsTo(SqlKind.SET_QUERY)
                            || call instanceof SqlOrderBy || call instanceof SqlWith) {
                        Walk.this.visit(call, Context.SUBQUERY);
                        return null;
                    }
                    return super.visit(call);
                }
            });
        }

        /** The first aggregate call of this SELECT's own level (not windowed, not in a subquery). */
        private static SqlNode firstAggregate(SqlSelect select) {
            List<SqlNode> found = new ArrayList<>();
            SqlBasicVisitor<Void> finder = new SqlBasicVisitor<>() {
                @Override
                public Void visit(SqlCall call) {
                    if (!found.isEmpty() || call instanceof SqlSelect || call.getKind() == SqlKind.OVER
                            || call.getKind().belongsTo(SqlKind.SET_QUERY)) {
                        return null;
                    }
                    if (AGGREGATES.contains(call.getOperator().getName().toLowerCase(Locale.ROOT))) {
                        found.add(call);
                        return null;
                    }
                    return super.visit(call);
                }
            };
            for (SqlNode part : new SqlNode[] {select.getSelectList(), select.getHaving()}) {
                if (part != null) {
                    part.accept(finder);
                }
            }
            return found.isEmpty() ? null : found.getFirst();
        }
    }

    /** Whether a FROM clause anywhere in the query names {@code name}. */
    private static boolean reads(SqlNode query, String name) {
        boolean[] found = {false};
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select && names(select.getFrom(), name)) {
                    found[0] = true;
                }
                return super.visit(call);
            }
        });
        return found[0];
    }

    private static boolean names(SqlNode from, String name) {
        return switch (from) {
            case null -> false;
            case SqlIdentifier id -> id.isSimple() && id.getSimple().equals(name);
            case SqlJoin join -> names(join.getLeft(), name) || names(join.getRight(), name);
            case SqlCall call when call.getKind() == SqlKind.AS -> names(call.operand(0), name);
            default -> false;
        };
    }

    /**
     * More column names than the query has columns: PostgreSQL's words (parse_cte.c), where
     * Calcite's would be "Number of columns must match number of query columns".
     */
    private static void checkColumnCount(SqlWithItem item, String text) {
        int available = columnCount(item.query);
        if (item.columnList != null && available >= 0 && item.columnList.size() > available) {
            throw new SqlException(SqlState.INVALID_COLUMN_REFERENCE, "WITH query \"" + name(item) + "\" has " + available
                    + " columns available but " + item.columnList.size() + " columns specified", null, null, at(item, text), null);
        }
    }

    /** The number of columns a query has, as far as the parsed text says (-1 when a * hides it). */
    private static int columnCount(SqlNode query) {
        return switch (query) {
            case SqlOrderBy orderBy -> columnCount(orderBy.query);
            case SqlSelect select when select.getSelectList().getList().stream()
                    .noneMatch(c -> c instanceof SqlIdentifier id && id.isStar()) -> select.getSelectList().size();
            case SqlCall call when call.getKind().belongsTo(SqlKind.SET_QUERY) -> columnCount(call.operand(0));
            default -> -1;
        };
    }

    private static String name(SqlWithItem item) {
        return item.name.getSimple();
    }

    private static SqlException notImplemented(String clause, SqlNode node, String text) {
        return new SqlException(SqlState.FEATURE_NOT_SUPPORTED, clause + " in a recursive query is not implemented",
                null, null, at(node.getParserPosition(), text), null);
    }

    private static int at(SqlWithItem item, String text) {
        return at(item.name.getParserPosition(), text);
    }

    private static int at(SqlParserPos pos, String text) {
        return CalciteErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum());
    }
}
