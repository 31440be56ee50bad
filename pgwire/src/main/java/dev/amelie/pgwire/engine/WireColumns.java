package dev.amelie.pgwire.engine;

import dev.amelie.pgwire.session.QueryEngine;
import dev.amelie.planner.PlannedStatement;

import java.util.List;

/** A plan's result columns as the session describes them (RowDescription). */
final class WireColumns {
    private WireColumns() {}

    /** A loop, not a stream: this runs for every statement that returns rows. */
    static List<QueryEngine.ResultColumn> of(List<PlannedStatement.ResultColumn> columns) {
        QueryEngine.ResultColumn[] wire = new QueryEngine.ResultColumn[columns.size()];
        for (int i = 0; i < wire.length; i++) {
            PlannedStatement.ResultColumn c = columns.get(i);
            wire[i] = new QueryEngine.ResultColumn(c.name(), c.type(), c.character(), c.typmod(), c.tableOid(), c.columnNumber());
        }
        return List.of(wire);
    }
}
