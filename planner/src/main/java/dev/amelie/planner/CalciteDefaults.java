package dev.amelie.planner;

/**
 * Calcite reads a few defaults from system properties once, when its classes first load. Its
 * character set default is ISO-8859-1, which cannot hold a literal such as '日本語' (the client
 * encoding is UTF8, as PostgreSQL's default): text is UTF-8 here. Applied before the planner
 * touches Calcite; a value set on the command line wins.
 */
final class CalciteDefaults {

    private CalciteDefaults() {
    }

    static void apply() {
        setIfAbsent("calcite.default.charset", "UTF-8");
        setIfAbsent("calcite.default.nationalcharset", "UTF-8");
        setIfAbsent("calcite.default.collation.name", "UTF-8$en_US");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
