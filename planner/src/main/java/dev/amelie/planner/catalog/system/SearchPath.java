package dev.amelie.planner.catalog.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schemas a session's search_path names that exist, in order, as current_schema() and
 * current_schemas() report them (PostgreSQL's namespace.c recomputeNamespacePath): "$user" is
 * the schema named like the current user if there is one, unknown names are skipped, and
 * pg_catalog is searched first unless the path names it (only current_schemas(true) shows that).
 */
public final class SearchPath {
    private SearchPath() {}

    /** The schemas of {@code setting} (search_path's text) that exist, without the implicit pg_catalog. */
    public static List<String> schemas(String setting, String user, CatalogContents contents) {
        List<String> schemas = new ArrayList<>();
        for (String entry : entries(setting)) {
            String name = entry.equals("$user") ? user : entry;
            if (name != null && contents.namespaceOid(name) != 0 && !schemas.contains(name)) {
                schemas.add(name);
            }
        }
        return schemas;
    }

    /** current_schemas(true): pg_catalog first when the path does not place it itself. */
    public static List<String> withImplicit(List<String> schemas) {
        if (schemas.contains(dev.amelie.compute.catalog.Catalog.SYSTEM_SCHEMA)) {
            return schemas;
        }
        List<String> all = new ArrayList<>(schemas.size() + 1);
        all.add(dev.amelie.compute.catalog.Catalog.SYSTEM_SCHEMA);
        all.addAll(schemas);
        return all;
    }

    /** The comma-separated names: quoted ones as written, the others folded to lower case. */
    static List<String> entries(String setting) {
        List<String> entries = new ArrayList<>();
        if (setting == null) {
            return entries;
        }
        int i = 0;
        int n = setting.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(setting.charAt(i)) || setting.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder name = new StringBuilder();
            if (setting.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = setting.charAt(i++);
                    if (c == '"') {
                        if (i < n && setting.charAt(i) == '"') {
                            name.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        name.append(c);
                    }
                }
            } else {
                while (i < n && setting.charAt(i) != ',' && !Character.isWhitespace(setting.charAt(i))) {
                    name.append(setting.charAt(i++));
                }
                name = new StringBuilder(name.toString().toLowerCase(Locale.ROOT));
            }
            entries.add(name.toString());
            while (i < n && setting.charAt(i) != ',') {
                i++;
            }
        }
        return entries;
    }
}
