package dev.amelie.pgwire.session;

/**
 * One run-time parameter (a GUC in PostgreSQL's terms).
 *
 * @param name         canonical spelling, as ParameterStatus and SHOW print it ("DateStyle")
 * @param defaultValue the value a new session starts with, already normalized
 * @param reported     PostgreSQL's GUC_REPORT: the client is told of every change by ParameterStatus
 * @param settable     false for read-only ones (server_version …); SET on them fails
 * @param listed       shown by SHOW ALL (PostgreSQL hides a few, such as is_superuser)
 * @param description  the short description SHOW ALL prints, as in PostgreSQL's pg_settings
 * @param syntax       checks and normalizes a new value
 */
record SessionParameter(String name, String defaultValue, boolean reported, boolean settable, boolean listed,
                        String description, ParameterSyntax syntax) {

    static SessionParameter settable(String name, String defaultValue, ParameterSyntax syntax, String description) {
        return new SessionParameter(name, defaultValue, false, true, true, description, syntax);
    }

    static SessionParameter reportedSettable(String name, String defaultValue, ParameterSyntax syntax, String description) {
        return new SessionParameter(name, defaultValue, true, true, true, description, syntax);
    }

    static SessionParameter readOnly(String name, String value, boolean reported, String description) {
        return new SessionParameter(name, value, reported, false, true, description, ParameterSyntax.anyString());
    }

    SessionParameter hidden() {
        return new SessionParameter(name, defaultValue, reported, settable, false, description, syntax);
    }
}
