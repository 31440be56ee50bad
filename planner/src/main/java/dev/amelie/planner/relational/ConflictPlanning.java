package dev.amelie.planner.relational;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.lower.ConflictAction;
import dev.amelie.planner.sql.OnConflictClause;
import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.Tokenizer;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns an ON CONFLICT clause into a {@link ConflictAction}: checks its target against the
 * table's primary key (the only unique constraint there is so far) and plans DO UPDATE's
 * expressions as a query over the existing row and EXCLUDED, so Calcite types and validates them
 * as it does any SELECT.
 */
final class ConflictPlanning {
    private ConflictPlanning() {
    }

    /**
     * @param project plans a SELECT (text) and returns its relational form
     * @return null when the table cannot conflict (no primary key, DO NOTHING without target)
     */
    static ConflictAction plan(OnConflictClause.Conflict conflict, TableDef def, Function<String, RelNode> project) {
        checkTarget(conflict, def);
        if (!def.hasPrimaryKey()) {
            return null; // rows are told apart by hidden row ids: nothing can conflict
        }
        if (!conflict.doUpdate()) {
            return ConflictAction.nothing();
        }
        int[] columns = new int[conflict.assignments().size()];
        PositionedText select = new PositionedText();
        select.append("select ");
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < columns.length; i++) {
            OnConflictClause.Assignment assignment = conflict.assignments().get(i);
            columns[i] = def.columnIndex(assignment.column());
            if (columns[i] < 0) {
                throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + assignment.column() + "\" of relation \""
                        + def.name() + "\" does not exist", null, null, assignment.columnPosition(), null);
            }
            if (!seen.add(columns[i])) {
                throw new SqlException(SqlState.SYNTAX_ERROR, "multiple assignments to same column \"" + assignment.column() + "\"");
            }
            select.append(i == 0 ? "" : ", ");
            select.appendFrom(withoutParameters(assignment.value().text()), assignment.value().position());
        }
        if (conflict.where() != null) {
            select.append(", (");
            select.appendFrom(withoutParameters(conflict.where().text()), conflict.where().position());
            select.append(")");
        }
        // The existing row under the table's name, the proposed one as EXCLUDED: a bare column
        // name is then ambiguous, as PostgreSQL says it is.
        String table = quoted(def.schema()) + "." + quoted(def.name());
        select.append(" from " + table + " as " + quoted(def.name()) + ", " + table + " as excluded");
        RelNode rel;
        try {
            rel = project.apply(select.text());
        } catch (SqlException e) {
            throw select.atStatementPosition(e);
        }
        if (!(rel instanceof Project projection) || !(projection.getInput() instanceof Join)) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "this ON CONFLICT DO UPDATE is not supported yet");
        }
        List<RexNode> expressions = projection.getProjects();
        List<RexNode> values = new ArrayList<>(expressions.subList(0, columns.length));
        for (int i = 0; i < columns.length; i++) {
            checkLiteral(values.get(i), def.columns().get(columns[i]).type(), conflict.assignments().get(i).value().position() + 1);
        }
        RexNode where = conflict.where() == null ? null : expressions.get(columns.length);
        return ConflictAction.update(columns, values, where, projection.getCluster().getRexBuilder());
    }

    /** A quoted literal assigned to a column must read as the column's type, checked now as PostgreSQL does. */
    private static void checkLiteral(RexNode value, dev.amelie.vm.type.SqlType type, int position) {
        RexNode inner = value;
        while (inner instanceof org.apache.calcite.rex.RexCall call && call.getKind() == org.apache.calcite.sql.SqlKind.CAST) {
            inner = call.getOperands().getFirst();
        }
        if (inner instanceof org.apache.calcite.rex.RexLiteral literal
                && org.apache.calcite.sql.type.SqlTypeName.CHAR_TYPES.contains(literal.getType().getSqlTypeName())
                && type != dev.amelie.vm.type.SqlType.TEXT) {
            try {
                // Only whether it reads: that does not depend on the zone.
                dev.amelie.vm.value.Values.cast(literal.getValueAs(String.class), type, java.time.ZoneOffset.UTC);
            } catch (SqlException e) {
                throw new SqlException(e.state(), e.getMessage(), e.detail(), e.hint(), position, e);
            }
        }
    }

    private static void checkTarget(OnConflictClause.Conflict conflict, TableDef def) {
        if (conflict.constraint() != null) {
            if (!def.hasPrimaryKey() || !conflict.constraint().equals(def.name() + "_pkey")) {
                throw new SqlException(SqlState.UNDEFINED_OBJECT, "constraint \"" + conflict.constraint()
                        + "\" for table \"" + def.name() + "\" does not exist");
            }
            return;
        }
        if (conflict.targetColumns().isEmpty()) {
            return;
        }
        Set<Integer> target = new HashSet<>();
        for (int i = 0; i < conflict.targetColumns().size(); i++) {
            String column = conflict.targetColumns().get(i);
            int index = def.columnIndex(column);
            if (index < 0) {
                throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" does not exist", null, null,
                        conflict.targetPositions().get(i), null);
            }
            target.add(index);
        }
        Set<Integer> key = new HashSet<>();
        for (int position : def.primaryKey()) {
            key.add(position);
        }
        if (!def.hasPrimaryKey() || !target.equals(key)) {
            throw new SqlException(SqlState.INVALID_COLUMN_REFERENCE,
                    "there is no unique or exclusion constraint matching the ON CONFLICT specification");
        }
    }

    private static String withoutParameters(String expression) {
        for (Token token : Tokenizer.tokenize(expression)) {
            if (token.isSymbol("$") || token.isSymbol("?")) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "parameters in ON CONFLICT DO UPDATE are not supported yet; use EXCLUDED.column");
            }
        }
        return expression;
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Generated SQL that remembers which of its pieces came from where in the statement. */
    private static final class PositionedText {
        private final StringBuilder text = new StringBuilder();
        /** {generated start, generated end, statement start (0-based)} per copied piece. */
        private final List<int[]> pieces = new ArrayList<>();

        void append(String generated) {
            text.append(generated);
        }

        void appendFrom(String piece, int statementPosition) {
            pieces.add(new int[] {text.length(), text.length() + piece.length(), statementPosition});
            text.append(piece);
        }

        String text() {
            return text.toString();
        }

        /** The error with its position moved from the generated text to the statement (0: unknown). */
        SqlException atStatementPosition(SqlException e) {
            int at = e.position() - 1;
            for (int[] piece : pieces) {
                if (at >= piece[0] && at < piece[1]) {
                    return new SqlException(e.state(), e.getMessage(), e.detail(), e.hint(), piece[2] + (at - piece[0]) + 1, e);
                }
            }
            return new SqlException(e.state(), e.getMessage(), e.detail(), e.hint(), 0, e);
        }
    }
}
