package dev.amelie.compute.executor;

import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.node.ComputeNode;
import dev.amelie.compute.node.NodeTask;
import dev.amelie.vm.exec.Interpreter;
import dev.amelie.vm.program.Code;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One transaction's turn on one compute node. Once the node reaches it in its inbox, the node
 * serves only this transaction's requests until the coordinator ends it: that is what makes the
 * inbox order the transaction order. The undo log lives here, on the node thread.
 */
final class TransactionSlot implements NodeTask {
    private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final List<UndoEntry> undo = new ArrayList<>();

    sealed interface Request {}

    record Pushdown(Table table, Code code, Object[] parameters, List<Object[]> input, boolean modifies,
                    java.util.function.BooleanSupplier cancelled, FixedValues fixed,
                    dev.amelie.compute.layout.ComputeLayout layout,
                    CompletableFuture<PushdownResult> reply) implements Request {}

    /** Runs code on the node's thread during the turn (checkpoints freeze and thaw partitions so). */
    record OnNode(java.util.function.IntConsumer action, CompletableFuture<Void> done) implements Request {}

    /** Ends the turn: commit keeps the changes, abort undoes them. */
    record End(boolean commit, CompletableFuture<Void> done) implements Request {}

    void send(Request request) {
        requests.add(request);
    }

    @Override
    public void runOn(ComputeNode node) {
        while (true) {
            Request request;
            try {
                request = requests.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            switch (request) {
                case Pushdown p -> {
                    try {
                        PartitionContext context = new PartitionContext(p.table(), node.id(), p.layout(), p.parameters(),
                                p.input(), p.modifies(), undo, p.cancelled(), p.fixed());
                        Interpreter.run(p.code(), context);
                        p.reply().complete(context.result());
                    } catch (RuntimeException e) {
                        p.reply().completeExceptionally(e);
                    }
                }
                case OnNode on -> {
                    try {
                        on.action().accept(node.id());
                        on.done().complete(null);
                    } catch (RuntimeException e) {
                        on.done().completeExceptionally(e);
                    }
                }
                case End end -> {
                    if (!end.commit()) {
                        for (int i = undo.size() - 1; i >= 0; i--) {
                            undo.get(i).apply();
                        }
                    }
                    undo.clear();
                    end.done().complete(null);
                    return;
                }
            }
        }
    }
}
