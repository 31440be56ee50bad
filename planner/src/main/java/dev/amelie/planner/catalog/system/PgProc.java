package dev.amelie.planner.catalog.system;

import dev.amelie.planner.function.FunctionCatalog;
import dev.amelie.planner.function.PostgresFunction;
import dev.amelie.planner.function.Signature;
import dev.amelie.vm.type.SqlType;
import dev.amelie.vm.value.SqlArray;

import java.util.ArrayList;
import java.util.List;

/**
 * pg_catalog.pg_proc: the built-in functions, one row per signature, all in pg_catalog, so that
 * clients looking a function up find it. Their OIDs are numbered from {@link #FIRST_OID} in the
 * function catalog's order, which a restart does not change; an argument of any type is "any".
 */
final class PgProc extends CatalogRelation {
    static final long FIRST_OID = 9000;
    private static final long ANY = 2276;
    private static final long INTERNAL_LANGUAGE = 12;

    PgProc() {
        super(CatalogRelations.PG_CATALOG, "pg_proc",
                "oid", SqlType.OID, "proname", NAME, "pronamespace", SqlType.OID,
                "proowner", SqlType.OID, "prolang", SqlType.OID, "procost", SqlType.REAL,
                "prorows", SqlType.REAL, "provariadic", SqlType.OID, "prosupport", SqlType.TEXT,
                "prokind", CHAR, "prosecdef", SqlType.BOOLEAN, "proleakproof", SqlType.BOOLEAN,
                "proisstrict", SqlType.BOOLEAN, "proretset", SqlType.BOOLEAN,
                "provolatile", CHAR, "proparallel", CHAR,
                "pronargs", SqlType.SMALLINT, "pronargdefaults", SqlType.SMALLINT, "prorettype", SqlType.OID,
                "proargtypes", SqlType.OID_ARRAY, "proallargtypes", SqlType.OID_ARRAY,
                "proargmodes", SqlType.TEXT_ARRAY, "proargnames", SqlType.TEXT_ARRAY,
                "proargdefaults", SqlType.TEXT, "protrftypes", SqlType.OID_ARRAY, "prosrc", SqlType.TEXT,
                "probin", SqlType.TEXT, "prosqlbody", SqlType.TEXT, "proconfig", SqlType.TEXT_ARRAY,
                "proacl", SqlType.TEXT_ARRAY);
    }

    /** One row: a function's name and one of its signatures. */
    record Procedure(String name, Signature signature) {}

    private static final List<Procedure> PROCEDURES = procedures();

    private static List<Procedure> procedures() {
        List<Procedure> procedures = new ArrayList<>();
        for (PostgresFunction function : FunctionCatalog.functions()) {
            for (Signature signature : function.signatures()) {
                procedures.add(new Procedure(function.getName(), signature));
            }
        }
        return procedures;
    }

    /** The function an OID of pg_proc names, or null. */
    static Procedure procedure(long oid) {
        long position = oid - FIRST_OID;
        return position >= 0 && position < PROCEDURES.size() ? PROCEDURES.get((int) position) : null;
    }

    /** pg_get_function_arguments: the argument types as format_type shows them, VARIADIC before a repeated last one. */
    static String arguments(Procedure procedure) {
        List<String> types = new ArrayList<>();
        List<SqlType> parameters = procedure.signature().parameters();
        for (int i = 0; i < parameters.size(); i++) {
            String type = PgTypes.format(typeOid(parameters.get(i)), -1);
            boolean repeated = procedure.signature().variadic() && i == parameters.size() - 1;
            types.add(repeated ? "VARIADIC " + type + (typeOid(parameters.get(i)) == ANY ? "" : "[]") : type);
        }
        return String.join(", ", types);
    }

    /** pg_get_function_result. */
    static String result(Procedure procedure) {
        return PgTypes.format(typeOid(procedure.signature().result()), -1);
    }

    @Override
    public List<Object[]> rows(CatalogContents contents) {
        List<Object[]> rows = new ArrayList<>();
        long oid = FIRST_OID;
        for (Procedure procedure : PROCEDURES) {
            {
                Signature signature = procedure.signature();
                Object[] arguments = new Object[signature.parameters().size()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = typeOid(signature.parameters().get(i));
                }
                rows.add(row().set("oid", oid++).set("proname", procedure.name()).set("pronamespace", ObjectOids.PG_CATALOG)
                        .set("proowner", Roles.OWNER).set("prolang", INTERNAL_LANGUAGE).set("procost", 1f)
                        .set("provariadic", signature.variadic() ? typeOid(signature.parameters().getLast()) : 0L)
                        .set("prosupport", "-").set("prokind", "f").set("proisstrict", true)
                        .set("provolatile", "i").set("proparallel", "s").set("pronargs", (short) arguments.length)
                        .set("prorettype", typeOid(signature.result())).set("proargtypes", new SqlArray(arguments))
                        .set("prosrc", procedure.name()).values());
            }
        }
        return rows;
    }

    private static long typeOid(SqlType type) {
        return type == SqlType.UNKNOWN ? ANY : PgTypes.oidOf(type, null);
    }
}
