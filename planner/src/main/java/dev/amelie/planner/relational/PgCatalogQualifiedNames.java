package dev.amelie.planner.relational;

import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

import java.util.List;

/**
 * Finds a function named with its schema, {@code pg_catalog.format_type(…)}, as the unqualified
 * name: every built-in function lives in pg_catalog, and catalog queries of psql and drivers
 * qualify them all.
 */
final class PgCatalogQualifiedNames implements SqlOperatorTable {
    private final SqlOperatorTable functions;

    PgCatalogQualifiedNames(SqlOperatorTable functions) {
        this.functions = functions;
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier name, SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> found, SqlNameMatcher matcher) {
        if (name.names.size() == 2 && name.names.get(0).equalsIgnoreCase("pg_catalog")) {
            name = new SqlIdentifier(name.names.get(1), name.getParserPosition());
        }
        functions.lookupOperatorOverloads(name, category, syntax, found, matcher);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return functions.getOperatorList();
    }
}
