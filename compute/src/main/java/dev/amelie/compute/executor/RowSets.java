package dev.amelie.compute.executor;

import java.util.ArrayList;
import java.util.List;

/** A section's row sets: 0 is its output, 1.. are scratch sets created on first use. */
final class RowSets {
    private final List<Object[]> output = new ArrayList<>();
    private final List<List<Object[]>> scratch = new ArrayList<>();

    List<Object[]> output() {
        return output;
    }

    List<Object[]> get(int id) {
        if (id == 0) {
            return output;
        }
        while (scratch.size() < id) {
            scratch.add(new ArrayList<>());
        }
        return scratch.get(id - 1);
    }
}
