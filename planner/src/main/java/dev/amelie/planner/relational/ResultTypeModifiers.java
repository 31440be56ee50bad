package dev.amelie.planner.relational;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.vm.type.CharacterType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL's RowDescription says of a result column beyond its type: whether a text
 * column is varchar or char, and the typmod (exprType/exprTypmod). A select-list item that is a
 * column of a table keeps the column's declared type and modifier (varchar(10), char(5),
 * numeric(10, 2)), one that is a cast to such a type ({@link TypeModifierCasts}) the cast's;
 * any other expression is text, or numeric, with typmod -1, as PostgreSQL's functions and
 * operators return. A column read unchanged through subqueries and views keeps its table
 * column's too ({@link #traced}), as PostgreSQL's exprTypmod follows a Var down to its table.
 */
final class ResultTypeModifiers {
    private ResultTypeModifiers() {}

    /** A column's character type (TEXT for the other types) and typmod (-1: none). */
    record Modifier(CharacterType character, int typmod) {
        /** Nothing known yet: {@link #traced} may find the table column the item reads. */
        static final Modifier NONE = new Modifier(CharacterType.TEXT, -1);
        /**
         * An expression's: none, and not to be traced, since a cast Calcite drops (v::text of a
         * varchar v) leaves the column in the plan. Told from NONE by identity.
         */
        static final Modifier COMPUTED = new Modifier(CharacterType.TEXT, -1);
    }

    /** One modifier per select-list item of a query, NONE where nothing is known; empty for other statements. */
    static List<Modifier> of(SqlNode validated, SqlValidator validator, Catalog catalog) {
        SqlNode query = validated instanceof SqlOrderBy orderBy ? orderBy.query : validated;
        if (!(query instanceof SqlSelect select) || select.getSelectList() == null) {
            return List.of();
        }
        List<List<String>> origins;
        try {
            origins = validator.getFieldOrigins(validated);
        } catch (RuntimeException notTraced) {
            origins = null;
        }
        SqlNodeList items = select.getSelectList();
        List<Modifier> modifiers = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            if (item instanceof SqlBasicCall as && as.getKind() == SqlKind.AS) {
                item = as.operand(0);
            }
            if (item instanceof SqlBasicCall call && TypeModifierCasts.isCast(call.getOperator())) {
                modifiers.add(ofCast(call));
            } else if (item instanceof org.apache.calcite.sql.SqlIdentifier) {
                modifiers.add(origins != null && i < origins.size() ? ofColumn(origins.get(i), catalog) : Modifier.NONE);
            } else {
                // an expression (v::text included, a cast Calcite sees as none): its type's own, no modifier
                modifiers.add(Modifier.COMPUTED);
            }
        }
        return modifiers;
    }

    /**
     * The modifiers with each NONE of a column that is a table column read unchanged (through
     * subqueries, views, filters and joins, see {@link #ofField}) given that column's.
     */
    static List<Modifier> traced(List<Modifier> modifiers, org.apache.calcite.rel.RelRoot root, Catalog catalog) {
        org.apache.calcite.rel.RelNode projected = root.project();
        List<Modifier> traced = new ArrayList<>(modifiers);
        if (traced.isEmpty() && root.kind.belongsTo(SqlKind.QUERY)) {
            // A set operation, VALUES, …: no select list of its own, but columns all the same.
            traced.addAll(java.util.Collections.nCopies(projected.getRowType().getFieldCount(), Modifier.NONE));
        }
        int fields = Math.min(traced.size(), projected.getRowType().getFieldCount());
        for (int i = 0; i < fields; i++) {
            if (traced.get(i) != Modifier.NONE) {
                continue;
            }
            Modifier column = ofField(projected, i, catalog);
            if (column != null) {
                traced.set(i, column);
            }
        }
        return traced;
    }

    /**
     * The declared type of the table column a field is, read unchanged (through projections of
     * the column itself, filters, sorts, joins of either side and group keys; of a set operation
     * when every input agrees), or null. Unlike Calcite's column origins, a column from the
     * nullable side of an outer join counts: NULLs do not change its type.
     */
    private static Modifier ofField(org.apache.calcite.rel.RelNode rel, int field, Catalog catalog) {
        return switch (rel) {
            case org.apache.calcite.rel.core.TableScan scan -> ofTable(scan.getTable().getQualifiedName(), field, catalog);
            case org.apache.calcite.rel.core.Project project ->
                    project.getProjects().get(field) instanceof org.apache.calcite.rex.RexInputRef input
                            ? ofField(project.getInput(), input.getIndex(), catalog) : null;
            case org.apache.calcite.rel.core.Filter filter -> ofField(filter.getInput(), field, catalog);
            case org.apache.calcite.rel.core.Sort sort -> ofField(sort.getInput(), field, catalog);
            case org.apache.calcite.rel.core.Join join -> {
                int left = join.getLeft().getRowType().getFieldCount();
                yield field < left ? ofField(join.getLeft(), field, catalog)
                        : join.getJoinType().projectsRight() ? ofField(join.getRight(), field - left, catalog) : null;
            }
            case org.apache.calcite.rel.core.Aggregate aggregate -> field < aggregate.getGroupCount()
                    ? ofField(aggregate.getInput(), aggregate.getGroupSet().asList().get(field), catalog) : null;
            case org.apache.calcite.rel.core.SetOp setOp -> {
                Modifier common = null;
                for (org.apache.calcite.rel.RelNode input : setOp.getInputs()) {
                    Modifier modifier = ofField(input, field, catalog);
                    if (modifier == null || common != null && !common.equals(modifier)) {
                        yield null;
                    }
                    common = modifier;
                }
                yield common;
            }
            default -> null;
        };
    }

    private static Modifier ofTable(List<String> name, int column, Catalog catalog) {
        Table table = name.size() < 2 ? null : catalog.table(name.get(name.size() - 2), name.getLast());
        if (table == null || column >= table.def().columns().size()) {
            return null;
        }
        ColumnDef def = table.def().columns().get(column);
        return new Modifier(def.character(), def.typmod());
    }

    private static Modifier ofCast(SqlBasicCall call) {
        int[] values = new int[call.operandCount() - 1];
        for (int i = 0; i < values.length; i++) {
            if (!(call.operand(i + 1) instanceof SqlNumericLiteral literal)) {
                return Modifier.NONE;
            }
            values[i] = literal.intValue(true);
        }
        return new Modifier(TypeModifierCasts.characterType(call.getOperator()),
                TypeModifierCasts.typmod(call.getOperator(), values));
    }

    /** The declared type of the column an item reads as it is ([catalog,] schema, table, column), if any. */
    private static Modifier ofColumn(List<String> origin, Catalog catalog) {
        if (origin == null || origin.size() < 3) {
            return Modifier.NONE;
        }
        Table table = catalog.table(origin.get(origin.size() - 3), origin.get(origin.size() - 2));
        if (table == null) {
            return Modifier.NONE;
        }
        String name = origin.getLast();
        for (ColumnDef column : table.def().columns()) {
            if (column.name().equals(name)) {
                return new Modifier(column.character(), column.typmod());
            }
        }
        return Modifier.NONE;
    }
}
