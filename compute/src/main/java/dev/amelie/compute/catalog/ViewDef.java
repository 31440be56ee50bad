package dev.amelie.compute.catalog;

import java.util.List;

/**
 * A view: its name, the column names it was given (empty: the query's own), and the query's
 * text, which the planner expands wherever the view is named.
 */
public record ViewDef(String schema, String name, List<String> columnNames, String query) {
    public ViewDef {
        columnNames = List.copyOf(columnNames);
    }
}
