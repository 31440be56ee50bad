package dev.amelie.planner.durability;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.TokenStream;

/**
 * CHECKPOINT (PostgreSQL's) and BACKUP TO 'directory' (ours: PostgreSQL copies files with
 * pg_basebackup over its replication protocol, which we do not speak; the {@code amelie backup}
 * command sends this).
 */
public final class DurabilityCommandParser {

    private DurabilityCommandParser() {
    }

    public static PlannedStatement parseCheckpoint(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("checkpoint");
        in.expectEnd();
        return new PlannedStatement.Checkpoint();
    }

    public static PlannedStatement parseBackup(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("backup");
        in.expectWord("to");
        Token target = in.next();
        if (target.kind() != Token.Kind.STRING || target.text().isEmpty()) {
            throw in.syntaxError();
        }
        in.expectEnd();
        return new PlannedStatement.Backup(target.text());
    }
}
