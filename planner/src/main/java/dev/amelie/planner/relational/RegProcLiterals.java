package dev.amelie.planner.relational;

import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

import java.util.List;

/**
 * {@code 'pg_catalog.array_in'::regproc}: a function named as regproc reads it. Our pg_type
 * holds its regproc columns (typinput, typoutput, …) as the names regprocout shows, so the
 * constant becomes that name: unqualified when the schema is pg_catalog, which every search
 * path has (pgjdbc's type cache compares {@code typinput = 'pg_catalog.array_in'::regproc}).
 * There is no pg_proc to look the name up in, so any name is taken.
 */
final class RegProcLiterals {
    private RegProcLiterals() {}

    static SqlNode rewrite(SqlNode node) {
        return CastRewriter.rewrite(node, (cast, value, spec) -> {
            if (!spec.getTypeNameSpec().getTypeName().names.getLast().equalsIgnoreCase("regproc")
                    || !(value instanceof SqlCharStringLiteral literal)) {
                return null;
            }
            List<String> names = RegClassLiterals.qualifiedName(literal.getValueAs(String.class).strip());
            boolean system = names.size() == 1 || names.size() == 2 && names.getFirst().equals("pg_catalog");
            String shown = system ? names.getLast() : String.join(".", names);
            return SqlLiteral.createCharString(shown, cast.getParserPosition());
        });
    }
}
