package dev.amelie.planner.compute;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.TokenStream;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.UUID;

/**
 * Ours, after Amelie's: {@code ALTER COMPUTE ADD NODE ['uuid']}, {@code ALTER COMPUTE DROP NODE
 * 'uuid'}, {@code ALTER COMPUTE ADD n}, {@code ALTER COMPUTE SET n}, and {@code SHOW COMPUTE}.
 */
public final class ComputeCommandParser {
    private ComputeCommandParser() {}

    /** Whether an ALTER statement is ALTER COMPUTE. */
    public static boolean isAlterCompute(String text) {
        TokenStream in = new TokenStream(text);
        return in.acceptWord("alter") && in.acceptWord("compute");
    }

    /** Whether a SHOW statement is SHOW COMPUTE. */
    public static boolean isShowCompute(String text) {
        TokenStream in = new TokenStream(text);
        return in.acceptWord("show") && in.acceptWord("compute") && in.atEnd();
    }

    public static PlannedStatement parseAlter(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("alter");
        in.expectWord("compute");
        PlannedStatement.AlterCompute statement;
        if (in.acceptWord("add")) {
            if (in.acceptWord("node")) {
                statement = new PlannedStatement.AlterCompute(PlannedStatement.AlterCompute.Action.ADD_NODE,
                        in.atEnd() ? null : uuid(in), 0);
            } else {
                statement = new PlannedStatement.AlterCompute(PlannedStatement.AlterCompute.Action.ADD, null, count(in));
            }
        } else if (in.acceptWord("drop")) {
            in.expectWord("node");
            statement = new PlannedStatement.AlterCompute(PlannedStatement.AlterCompute.Action.DROP_NODE, uuid(in), 0);
        } else if (in.acceptWord("set")) {
            in.acceptSymbol("=");
            in.acceptWord("to");
            statement = new PlannedStatement.AlterCompute(PlannedStatement.AlterCompute.Action.SET, null, count(in));
        } else {
            throw in.syntaxError();
        }
        in.expectEnd();
        return statement;
    }

    private static UUID uuid(TokenStream in) {
        Token token = in.next();
        if (token.kind() != Token.Kind.STRING) {
            throw in.syntaxError();
        }
        try {
            return UUID.fromString(token.text().trim());
        } catch (IllegalArgumentException e) {
            throw new SqlException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type uuid: \""
                    + token.text() + "\"");
        }
    }

    private static int count(TokenStream in) {
        Token token = in.next();
        if (token.kind() != Token.Kind.NUMBER) {
            throw in.syntaxError();
        }
        try {
            return Integer.parseInt(token.text());
        } catch (NumberFormatException e) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid number of compute nodes: " + token.text());
        }
    }
}
