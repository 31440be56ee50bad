package dev.amelie.planner.relational;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The statement's parameter types by parameter number, for statements {@link DmlClauses}
 * assembled: Calcite's own list follows the tree's order, which is not the text's there (the
 * FROM list sits in the source select, after the WHERE condition), and a multiple-column
 * assignment's subquery holds its parameters once per column.
 */
final class ParametersByIndex {
    private ParametersByIndex() {}

    static RelDataType rowType(SqlNode validated, SqlValidator validator, RelDataTypeFactory typeFactory) {
        TreeMap<Integer, RelDataType> types = new TreeMap<>();
        validated.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlDynamicParam param) {
                RelDataType type = validator.getValidatedNodeTypeIfKnown(param);
                if (type != null) {
                    types.putIfAbsent(param.getIndex(), type);
                }
                return null;
            }
        });
        int count = types.isEmpty() ? 0 : types.lastKey() + 1;
        List<RelDataType> fields = new ArrayList<>(count);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fields.add(types.getOrDefault(i, typeFactory.createSqlType(SqlTypeName.UNKNOWN)));
            names.add("?" + i);
        }
        return typeFactory.createStructType(fields, names);
    }
}
