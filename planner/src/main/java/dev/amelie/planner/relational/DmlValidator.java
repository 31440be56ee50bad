package dev.amelie.planner.relational;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;

import java.util.List;

/**
 * Calcite's validator, with UPDATE … FROM and DELETE … USING: the statement's source select
 * (the rows it changes, with the new values) reads the target joined with the FROM (USING)
 * list that {@link DmlClauses} left in the statement's source select, and keeps only the
 * target's columns, as Calcite's conversion of UPDATE expects. The target comes first, so its
 * rows drive the join the compute nodes run (see ModifySources).
 */
final class DmlValidator extends SqlValidatorImpl {
    DmlValidator(SqlOperatorTable operators, SqlValidatorCatalogReader reader, RelDataTypeFactory typeFactory,
                 Config config) {
        super(operators, reader, typeFactory, config);
    }

    @Override
    protected SqlSelect createSourceSelectForUpdate(SqlUpdate call) {
        SqlSelect carried = call.getSourceSelect();
        SqlSelect select = super.createSourceSelectForUpdate(call);
        return carried == null ? select : joined(select, carried, call.getTargetTable(), call.getAlias());
    }

    @Override
    protected SqlSelect createSourceSelectForDelete(SqlDelete call) {
        SqlSelect carried = call.getSourceSelect();
        SqlSelect select = super.createSourceSelectForDelete(call);
        return carried == null ? select : joined(select, carried, call.getTargetTable(), call.getAlias());
    }

    private static SqlSelect joined(SqlSelect select, SqlSelect carried, SqlNode target, SqlIdentifier alias) {
        SqlParserPos pos = SqlParserPos.ZERO;
        String name = alias != null ? alias.getSimple() : ((SqlIdentifier) target).names.getLast();
        select.getSelectList().set(0, SqlIdentifier.star(List.of(name, ""), pos, List.of(pos, pos)));
        select.setFrom(new SqlJoin(pos, select.getFrom(), SqlLiteral.createBoolean(false, pos), JoinType.COMMA.symbol(pos),
                carried.getFrom(), JoinConditionType.NONE.symbol(pos), null));
        return select;
    }
}
