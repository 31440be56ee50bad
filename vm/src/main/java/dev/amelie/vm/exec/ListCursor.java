package dev.amelie.vm.exec;

import java.util.List;

/** A cursor over rows held in a list (gathered pushdown results, routed rows, scratch sets). */
public final class ListCursor implements Cursor {
    private final List<Object[]> rows;
    private int index = -1;

    public ListCursor(List<Object[]> rows) {
        this.rows = rows;
    }

    @Override
    public boolean next() {
        return ++index < rows.size();
    }

    @Override
    public Object[] row() {
        return rows.get(index);
    }
}
