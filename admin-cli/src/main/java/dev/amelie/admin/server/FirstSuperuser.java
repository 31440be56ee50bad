package dev.amelie.admin.server;

import dev.amelie.compute.Database;
import dev.amelie.compute.catalog.RoleDef;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.pgwire.auth.ScramVerifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The password of the bootstrap superuser "amelie" on a data directory where it has none yet
 * ({@code AMELIE_PASSWORD}, {@code --password-file}, or the prompt of {@code amelie init}),
 * stored as a SCRAM-SHA-256 verifier, as initdb's --pwfile does. Once set it is changed with
 * ALTER ROLE only: starting again with another AMELIE_PASSWORD changes nothing.
 */
public final class FirstSuperuser {
    private FirstSuperuser() {}

    /** The password given by {@code --password-file} (its first line) or else AMELIE_PASSWORD; null when neither. */
    public static String givenPassword(Path passwordFile, java.util.Map<String, String> environment) throws IOException {
        if (passwordFile != null) {
            String text = Files.readString(passwordFile);
            int newline = text.indexOf('\n');
            String password = (newline < 0 ? text : text.substring(0, newline)).strip();
            if (password.isEmpty()) {
                throw new IllegalArgumentException("password file " + passwordFile + " is empty");
            }
            return password;
        }
        String password = environment.get("AMELIE_PASSWORD");
        return password == null || password.isEmpty() ? null : password;
    }

    /** Sets the password when the superuser has none; returns whether it did. */
    public static boolean applyIfUnset(Database database, String password) {
        if (password == null) {
            return false;
        }
        RoleDef superuser = database.catalog().current().access().role(RoleDef.BOOTSTRAP_OID);
        if (superuser == null || superuser.password() != null) {
            return false;
        }
        Transaction transaction = database.executor().begin();
        try {
            transaction.defineRole(superuser.withPassword(ScramVerifier.derive(password).text()));
            transaction.commit().join();
            return true;
        } finally {
            if (transaction.holdsNodes()) {
                transaction.rollback();
            }
        }
    }
}
