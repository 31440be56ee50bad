package dev.amelie.planner.lower;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import dev.amelie.planner.catalog.PostgresSqlType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The key/range shortcut of ARCHITECTURE.md for the simplest case: a filter that fixes every
 * primary-key column to a constant or a parameter ({@code WHERE id = $1 AND …}) reads one row
 * through the partition's key map, on the one node that owns the key, instead of scanning
 * every partition.
 */
record KeyLookup(RexNode[] keyValues, RexNode residual) {

    /** The lookup the condition allows on this table, or null. */
    static KeyLookup match(RexNode condition, TableDef table, RexBuilder rexBuilder) {
        return match(condition, table, table.primaryKey(), rexBuilder);
    }

    /**
     * The lookup the condition allows on these columns (the primary key, or a secondary
     * index's): every one fixed to a constant or parameter; null otherwise.
     */
    static KeyLookup match(RexNode condition, TableDef table, int[] primaryKey, RexBuilder rexBuilder) {
        if (primaryKey.length == 0) {
            return null;
        }
        RexNode[] keyValues = new RexNode[primaryKey.length];
        List<RexNode> residual = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(RexUtil.expandSearch(rexBuilder, null, condition))) {
            int slot = keySlot(conjunct, table, primaryKey, keyValues, rexBuilder);
            if (slot < 0) {
                residual.add(conjunct);
            }
        }
        for (RexNode value : keyValues) {
            if (value == null) {
                return null;
            }
        }
        return new KeyLookup(keyValues, residual.isEmpty() ? null : RexUtil.composeConjunction(rexBuilder, residual));
    }

    /** If the conjunct is key column = value and fills an empty slot, fills it and returns its index. */
    private static int keySlot(RexNode conjunct, TableDef table, int[] primaryKey, RexNode[] keyValues, RexBuilder rexBuilder) {
        if (conjunct.getKind() != SqlKind.EQUALS) {
            return -1;
        }
        List<RexNode> operands = ((RexCall) conjunct).getOperands();
        for (int side = 0; side < 2; side++) {
            if (keyColumn(operands.get(side)) instanceof RexInputRef ref && isValue(operands.get(1 - side))) {
                for (int k = 0; k < primaryKey.length; k++) {
                    if (primaryKey[k] != ref.getIndex() || keyValues[k] != null) {
                        continue;
                    }
                    SqlType column = table.columns().get(ref.getIndex()).type();
                    RexNode value = operands.get(1 - side);
                    if (sameKeyDomain(column, value)) {
                        keyValues[k] = value;
                        return k;
                    }
                    if (PostgresSqlType.of(ref.getType()) != null && isTextOrSame(value, column)) {
                        // uuid_key = '…': the key is the text read as the column's type, as the filter compares it.
                        keyValues[k] = rexBuilder.makeAbstractCast(ref.getType(), value, false);
                        return k;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * The column itself, or the column widened to a larger integer type (an int4 key compared
     * with an int8 parameter: pgjdbc's setLong): equal wide values are equal keys.
     */
    private static RexNode keyColumn(RexNode node) {
        if (node.getKind() == SqlKind.CAST && ((RexCall) node).getOperands().getFirst() instanceof RexInputRef ref
                && widens(ref.getType().getSqlTypeName(), node.getType().getSqlTypeName())) {
            return ref;
        }
        return node;
    }

    private static boolean widens(org.apache.calcite.sql.type.SqlTypeName from, org.apache.calcite.sql.type.SqlTypeName to) {
        List<org.apache.calcite.sql.type.SqlTypeName> order = List.of(org.apache.calcite.sql.type.SqlTypeName.SMALLINT,
                org.apache.calcite.sql.type.SqlTypeName.INTEGER, org.apache.calcite.sql.type.SqlTypeName.BIGINT);
        return order.contains(from) && order.indexOf(to) >= order.indexOf(from);
    }

    /**
     * A constant, a parameter, or a cast of one: a parameter of a declared type (pgjdbc declares
     * int4 for setInt) reaches here as {@code CAST(?0 AS BIGINT)}; the key is what the cast
     * computes, exactly what the filter compares.
     */
    private static boolean isValue(RexNode node) {
        return node instanceof RexLiteral || node instanceof RexDynamicParam
                || node.getKind() == SqlKind.CAST && isValue(((RexCall) node).getOperands().getFirst());
    }

    /**
     * The value hashes as a stored key would: integral numbers are one domain (keys widen them to
     * bigint), text another; anything else is left to the scan.
     */
    private static boolean sameKeyDomain(SqlType column, RexNode value) {
        SqlType type;
        try {
            type = TypeMapping.fromCalcite(value.getType());
        } catch (RuntimeException unsupported) {
            return false;
        }
        boolean integral = t(column) && t(type);
        return integral || column == type && (column == SqlType.TEXT || column == SqlType.BOOLEAN);
    }

    /** Text (a literal or a parameter Calcite typed so) or a value of the column's own type. */
    private static boolean isTextOrSame(RexNode value, SqlType column) {
        org.apache.calcite.sql.type.SqlTypeName name = value.getType().getSqlTypeName();
        return name == org.apache.calcite.sql.type.SqlTypeName.CHAR || name == org.apache.calcite.sql.type.SqlTypeName.VARCHAR
                || PostgresSqlType.of(value.getType()) == column;
    }

    private static boolean t(SqlType type) {
        return type == SqlType.SMALLINT || type == SqlType.INTEGER || type == SqlType.BIGINT;
    }
}
