package dev.amelie.pgwire.session;

import dev.amelie.pgwire.codec.ResponseBatch;
import dev.amelie.pgwire.session.QueryEngine.BoundStatement;
import dev.amelie.vm.error.SqlException;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The Executes of one extended-protocol batch, waiting for its Sync so that they run as one
 * transaction (postgres.c commits an implicit transaction at Sync, not at each Execute), and the
 * responses of the messages around them, kept in order.
 *
 * <p>Parse, Bind, Describe and Close are carried out as they arrive; what they write after the
 * first waiting Execute is cut into {@link Step.Output} pieces between the Executes, and what they
 * change in the session's statements and portals is recorded as {@link Step.Undo}: if an Execute
 * fails, PostgreSQL would have skipped every later message of the batch, so their responses are
 * dropped and their changes taken back.
 */
final class ExecuteBatch {

    /** One piece of the batch's response, in the order the client must see it. */
    sealed interface Step {
        /** Responses of protocol messages (ParseComplete, RowDescription, an ErrorResponse …). */
        record Output(ByteBuf bytes) implements Step {}

        /** How to take back what the next messages changed, if an Execute before them fails. */
        record Undo(Runnable action) implements Step {}

        /** The portal's statement, {@code index} in the transaction: its rows, up to maxRows. */
        record Run(Portal portal, int maxRows, int index) implements Step {}

        /** More rows of a portal that ran before this step. */
        record More(Portal portal, int maxRows) implements Step {}

        /**
         * The RowDescription (or NoData) of a statement planned only as it runs: written once the
         * batch ran, from the portal if it is one, else from the statement.
         */
        record Describe(PreparedStatement statement, Portal portal) implements Step {}
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<BoundStatement> statements = new ArrayList<>();
    private final Set<Portal> scheduled = Collections.newSetFromMap(new IdentityHashMap<>());
    /** An error of a protocol message after the first Execute: the transaction must not commit. */
    private SqlException failure;

    /** Adds an Execute of a portal not run yet. */
    void run(ResponseBatch out, Portal portal, int maxRows, BoundStatement statement) {
        cut(out);
        steps.add(new Step.Run(portal, maxRows, statements.size()));
        statements.add(statement);
        scheduled.add(portal);
    }

    /** Adds an Execute of a portal that an earlier step runs or that ran before the batch. */
    void more(ResponseBatch out, Portal portal, int maxRows) {
        cut(out);
        steps.add(new Step.More(portal, maxRows));
    }

    /** Adds a Describe answered once the batch ran. */
    void describeLater(ResponseBatch out, PreparedStatement statement, Portal portal) {
        cut(out);
        steps.add(new Step.Describe(statement, portal));
    }

    boolean schedules(Portal portal) {
        return scheduled.contains(portal);
    }

    void undo(Runnable action) {
        steps.add(new Step.Undo(action));
    }

    /** A protocol message failed after the first Execute: the batch's transaction fails with it. */
    void fail(SqlException error) {
        if (failure == null) {
            failure = error;
        }
    }

    SqlException failure() {
        return failure;
    }

    /** Takes the responses written so far into the batch; call before running it. */
    void close(ResponseBatch out) {
        cut(out);
    }

    List<Step> steps() {
        return steps;
    }

    List<BoundStatement> statements() {
        return statements;
    }

    private void cut(ResponseBatch out) {
        ByteBuf written = out.detach();
        if (written != null) {
            steps.add(new Step.Output(written));
        }
    }
}
