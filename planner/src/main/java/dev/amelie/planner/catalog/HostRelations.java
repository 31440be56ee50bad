package dev.amelie.planner.catalog;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.catalog.system.CatalogRelation;
import dev.amelie.planner.catalog.system.CatalogRelations;

import java.util.ArrayList;
import java.util.List;

/**
 * The relations no node holds, read on the host as the server is now: the statistics views
 * ({@link SystemView}) and the pg_catalog / information_schema relations ({@link CatalogRelations}).
 * Their table ids are negative; -id - 1 is the number a scan hands to
 * {@link dev.amelie.vm.exec.ServerState#rows}.
 */
public final class HostRelations {
    private HostRelations() {}

    public static boolean isHostRead(TableDef def) {
        return def.id() < 0;
    }

    public static int number(TableDef def) {
        return (int) (-def.id() - 1);
    }

    /** Every host relation's definition, statistics views first. */
    public static List<TableDef> all() {
        List<TableDef> all = new ArrayList<>();
        for (SystemView view : SystemView.values()) {
            all.add(view.def());
        }
        for (CatalogRelation relation : CatalogRelations.all()) {
            all.add(relation.def());
        }
        return all;
    }

    /** The definition of a host relation's table id. */
    public static TableDef of(long tableId) {
        int number = (int) (-tableId - 1);
        CatalogRelation relation = CatalogRelations.byNumber(number);
        return relation != null ? relation.def() : SystemView.values()[number].def();
    }
}
