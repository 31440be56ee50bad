package dev.amelie.pgwire.engine;

import dev.amelie.compute.layout.ComputeAdmin;
import dev.amelie.planner.PlannedStatement;

import java.util.ArrayList;
import java.util.List;

/** ALTER COMPUTE and SHOW COMPUTE as statements. */
final class ComputeCommands {
    private final ComputeAdmin admin;

    ComputeCommands(ComputeAdmin admin) {
        this.admin = admin;
    }

    /** Returns once every step of the change is committed (the moves run while other transactions go on). */
    StatementExecution.Result alter(PlannedStatement.AlterCompute alter) {
        switch (alter.action()) {
            case ADD_NODE -> admin.addNode(alter.node());
            case DROP_NODE -> admin.dropNode(alter.node());
            case ADD -> admin.addNodes(alter.count());
            case SET -> admin.setNodes(alter.count());
        }
        return new StatementExecution.Result("ALTER COMPUTE", List.of(), null, List.of(), 0);
    }

    StatementExecution.Result show() {
        List<Object[]> rows = new ArrayList<>();
        for (ComputeAdmin.NodeStatus node : admin.status()) {
            rows.add(new Object[] {node.uuid().toString(), node.thread(), node.partitions(), node.hashSlots(), node.rows(),
                    node.transactions(), node.queueDepth()});
        }
        return new StatementExecution.Result("SHOW", rows, null, List.of(), 0);
    }
}
