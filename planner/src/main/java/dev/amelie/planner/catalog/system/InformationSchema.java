package dev.amelie.planner.catalog.system;

import dev.amelie.vm.type.SqlType;

/**
 * information_schema's domains as the column types of its relations: sql_identifier is name,
 * character_data and yes_or_no are character varying, cardinal_number is integer (PostgreSQL
 * 15's information_schema.sql). Clients read them as their base types.
 */
final class InformationSchema {
    static final Object CHARACTER_DATA = dev.amelie.vm.type.CharacterType.VARCHAR;
    static final Object YES_OR_NO = dev.amelie.vm.type.CharacterType.VARCHAR;
    static final Object CARDINAL_NUMBER = SqlType.INTEGER;

    private InformationSchema() {}

    static String yesOrNo(boolean value) {
        return value ? "YES" : "NO";
    }
}
