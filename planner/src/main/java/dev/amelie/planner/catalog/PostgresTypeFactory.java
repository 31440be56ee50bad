package dev.amelie.planner.catalog;

import dev.amelie.vm.type.SqlType;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeMappingRule;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;

/**
 * Calcite's type factory, plus PostgreSQL's resolution for {@link PostgresSqlType}s: where
 * Calcite would widen a mix with ANY to a bare ANY (CASE, COALESCE, UNION), one of our types
 * together with NULLs and string literals stays that type, as PostgreSQL resolves unknown
 * literals to the other branch's type.
 */
public final class PostgresTypeFactory extends JavaTypeFactoryImpl {
    public PostgresTypeFactory(RelDataTypeSystem typeSystem) {
        super(typeSystem);
    }

    /** Array elements are always nullable in PostgreSQL: one array type per element type, whatever the elements. */
    @Override
    public RelDataType createArrayType(RelDataType elementType, long maxCardinality) {
        return super.createArrayType(createTypeWithNullability(elementType, true), maxCardinality);
    }

    @Override
    public RelDataType leastRestrictive(List<RelDataType> types, SqlTypeMappingRule mappingRule) {
        SqlType ours = null;
        boolean others = false;
        boolean onlyIntegersBesides = true;
        boolean nullable = false;
        for (RelDataType type : types) {
            SqlType candidate = PostgresSqlType.of(type);
            nullable |= type.isNullable();
            if (candidate != null) {
                if (ours != null && ours != candidate) {
                    // oid and regclass are the same number: the mix is oid
                    boolean oids = (ours == SqlType.OID || ours == SqlType.REGCLASS)
                            && (candidate == SqlType.OID || candidate == SqlType.REGCLASS);
                    if (!oids) {
                        return null;
                    }
                    candidate = SqlType.OID;
                }
                ours = candidate;
            } else {
                SqlTypeName name = type.getSqlTypeName();
                boolean other = name != SqlTypeName.NULL && name != SqlTypeName.CHAR && name != SqlTypeName.VARCHAR;
                others |= other;
                onlyIntegersBesides &= !other || SqlTypeName.INT_TYPES.contains(name);
            }
        }
        if (ours != null && others) {
            // oid with integers is oid (PostgreSQL converts them); any other mix is no common type
            return ours == SqlType.OID && onlyIntegersBesides
                    ? createTypeWithNullability(PostgresSqlType.create(this, ours), nullable) : null;
        }
        if (ours == null) {
            return super.leastRestrictive(types, mappingRule);
        }
        return createTypeWithNullability(PostgresSqlType.create(this, ours), nullable);
    }
}
