package dev.amelie.planner.ddl;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.sql.TokenStream;

import java.util.ArrayList;
import java.util.List;

/** CREATE SCHEMA and DROP SCHEMA, as PostgreSQL 15 writes them (without schema elements). */
final class SchemaParser {
    private SchemaParser() {}

    /** After CREATE: SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role] | SCHEMA AUTHORIZATION role. */
    static PlannedStatement parseCreate(TokenStream in) {
        in.expectWord("schema");
        boolean ifNotExists = in.acceptWords("if", "not", "exists");
        String name;
        if (in.acceptWord("authorization")) {
            name = in.expectIdentifier(); // the schema is named after its owner
        } else {
            name = in.expectIdentifier();
            if (in.acceptWord("authorization")) {
                in.expectIdentifier();
            }
        }
        in.expectEnd();
        return new PlannedStatement.CreateSchema(name, ifNotExists);
    }

    /** After DROP: SCHEMA [IF EXISTS] name [, …] [CASCADE | RESTRICT]. */
    static PlannedStatement parseDrop(TokenStream in) {
        boolean ifExists = in.acceptWords("if", "exists");
        List<String> names = new ArrayList<>();
        do {
            names.add(in.expectIdentifier());
        } while (in.acceptSymbol(","));
        boolean cascade = in.acceptWord("cascade");
        if (!cascade) {
            in.acceptWord("restrict");
        }
        in.expectEnd();
        return new PlannedStatement.DropSchema(names, ifExists, cascade);
    }
}
