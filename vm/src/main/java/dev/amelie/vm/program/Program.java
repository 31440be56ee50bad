package dev.amelie.vm.program;

/**
 * A compiled data statement. It runs in up to three steps, each optional:
 * <ol>
 *   <li>{@code input}, on the host: computes rows to hand to the nodes (INSERT … VALUES), or,
 *       for routing BY_KEY, the one row holding the key value(s) that pick the partition;</li>
 *   <li>{@code pushdown}, on every compute node the routing selects, against that node's
 *       partition of {@code tableId}: scans, filters, modifies, emits partial results;</li>
 *   <li>{@code merge} (the main section), on the host: reads the gathered pushdown output,
 *       finishes aggregates, sorts, limits and emits the statement's result rows.</li>
 * </ol>
 * A statement over several tables (a join, INSERT … SELECT) also has {@code sources}: programs
 * over one table each, run first in the same transaction, whose rows the host sections read as
 * {@link RowSourceKind#SOURCE} k. Immutable; cached plans share it between sessions.
 */
public record Program(
        StatementKind kind,
        long tableId,
        Routing routing,
        Code input,
        Code pushdown,
        Code merge,
        java.util.List<Program> sources) {

    public Program {
        sources = java.util.List.copyOf(sources);
    }

    public Program(StatementKind kind, long tableId, Routing routing, Code input, Code pushdown, Code merge) {
        this(kind, tableId, routing, input, pushdown, merge, java.util.List.of());
    }

    /** What the statement is, which decides its command tag. */
    public enum StatementKind { SELECT, INSERT, UPDATE, DELETE }

    /**
     * Where the pushdown section runs: nowhere (NONE), every node (ALL), the nodes the rows are
     * routed to (BY_ROW_KEY), the node owning one key (BY_KEY), or the host itself, over system
     * views that no node holds (HOST).
     */
    public enum Routing { NONE, ALL, BY_ROW_KEY, BY_KEY, HOST }

    public String explain() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            out.append("source ").append(i).append(":\n").append(sources.get(i).explain());
        }
        out.append(kind).append(" table=").append(tableId).append(" routing=").append(routing).append('\n');
        if (input != null) {
            out.append("input:\n").append(input.disassemble());
        }
        if (pushdown != null) {
            out.append("pushdown:\n").append(pushdown.disassemble());
        }
        if (merge != null) {
            out.append("merge:\n").append(merge.disassemble());
        }
        return out.toString();
    }
}
