package dev.amelie.planner.explain;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.Table;
import dev.amelie.planner.catalog.SystemView;
import dev.amelie.vm.program.Code;
import dev.amelie.vm.program.IndexRef;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.RowSourceKind;
import dev.amelie.vm.program.TableKeyRef;
import dev.amelie.vm.program.Program;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EXPLAIN's text: what runs where (the host, every node, the one node owning a key), how rows
 * are found (a scan, the primary key, which index), the programs of a query over several tables,
 * and then each section's bytecode, as the nodes and the host will run it.
 */
public final class ProgramExplainer {
    private ProgramExplainer() {}

    public static List<String> explain(Program program, Catalog catalog) {
        List<String> lines = new ArrayList<>();
        describe(program, catalog, "", lines);
        lines.add("Program:");
        for (String line : program.explain().split("\n")) {
            lines.add("  " + line);
        }
        return lines;
    }

    private static void describe(Program program, Catalog catalog, String indent, List<String> lines) {
        String what = program.kind().name().charAt(0) + program.kind().name().substring(1).toLowerCase(Locale.ROOT);
        String on = switch (program.kind()) {
            case SELECT -> " on ";
            case INSERT -> " into ";
            default -> " ";
        };
        String table = tableName(program.tableId(), catalog);
        String where = switch (program.routing()) {
            case NONE -> program.sources().isEmpty() ? "on the host (no table)"
                    : "on the host, over " + program.sources().size() + " source program(s)";
            case HOST -> "on the host (a system view, as it is now)";
            case ALL -> "on every compute node, over its partition";
            case BY_KEY -> "on the compute node owning the key";
            case BY_ROW_KEY -> "on the compute nodes owning the rows' keys";
        };
        lines.add(indent + what + (table == null ? "" : on + table) + ": " + where);
        if (program.pushdown() != null) {
            String access = access(program.pushdown(), catalog);
            if (access != null) {
                lines.add(indent + "  " + access);
            }
        }
        if (program.merge() != null && program.routing() != Program.Routing.NONE) {
            lines.add(indent + "  then on the host: merge (" + program.merge().code().length / 4 + " instructions)");
        }
        for (int i = 0; i < program.sources().size(); i++) {
            lines.add(indent + "  Source " + i + ":");
            describe(program.sources().get(i), catalog, indent + "    ", lines);
        }
    }

    /**
     * How the pushdown finds its rows: through the primary key, an index, or a scan; and, for a
     * join of two tables on both their keys, that it joins each partition with its twin.
     */
    private static String access(Code pushdown, Catalog catalog) {
        int[] code = pushdown.code();
        boolean scan = false;
        int outerSource = -1;
        String found = null;
        String joinedWith = null;
        for (int at = 0; at < code.length; at += 4) {
            Opcode op = Opcode.of(code[at] & 0xffff);
            if (op == Opcode.INDEX_LOOKUP && pushdown.constants()[code[at + 3]] instanceof IndexRef index && found == null) {
                found = outerSource < 0 ? "Index lookup: " + index.name()
                        : "Nested loop join: each row of source " + outerSource + " looked up in index " + index.name();
            }
            if (op == Opcode.LOOKUP && found == null) {
                found = outerSource < 0 ? "Primary key lookup"
                        : "Nested loop join: each row of source " + outerSource + " looked up by primary key";
            }
            if (op == Opcode.LOOKUP_IN && pushdown.constants()[code[at + 3]] instanceof TableKeyRef other) {
                joinedWith = tableName(other.tableId(), catalog);
            }
            if (op == Opcode.OPEN) {
                scan = true;
                if (code[at + 2] == RowSourceKind.SOURCE.ordinal() && outerSource < 0) {
                    outerSource = code[at + 3];
                }
            }
        }
        String how = found != null ? found : scan ? "Scan" : null;
        if (how != null && limitsRows(code)) {
            how += ", each node sending its first OFFSET + LIMIT rows";
        }
        if (joinedWith != null) {
            return how + ", joined per partition with " + joinedWith + " (each row's match looked up by primary key on its node)";
        }
        return how;
    }

    private static boolean limitsRows(int[] code) {
        for (int at = 0; at < code.length; at += 4) {
            Opcode op = Opcode.of(code[at] & 0xffff);
            if (op == Opcode.LIMIT || op == Opcode.LIMIT_START) {
                return true;
            }
        }
        return false;
    }

    private static String tableName(long tableId, Catalog catalog) {
        if (tableId < 0) {
            return dev.amelie.planner.catalog.HostRelations.of(tableId).name();
        }
        if (tableId == 0) {
            return null;
        }
        Table table = catalog.table(tableId);
        return table == null ? "table " + tableId : table.def().name();
    }
}
