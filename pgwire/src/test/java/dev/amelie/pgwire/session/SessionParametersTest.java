package dev.amelie.pgwire.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionParametersTest {
    @Test
    void clientMinMessagesNoticeSendsNoticesAndWarnings() {
        SessionParameters parameters = new SessionParameters();
        assertTrue(parameters.sendsToClient("NOTICE"));
        assertTrue(parameters.sendsToClient("WARNING"));
    }

    /** Hibernate's {@code set client_min_messages = WARNING} hides DROP … IF EXISTS notices, not warnings. */
    @Test
    void clientMinMessagesWarningHidesNoticesOnly() {
        SessionParameters parameters = new SessionParameters();
        parameters.setByFunction("client_min_messages", "WARNING", false);
        assertFalse(parameters.sendsToClient("NOTICE"));
        assertTrue(parameters.sendsToClient("WARNING"));
        parameters.setByFunction("client_min_messages", "error", false);
        assertFalse(parameters.sendsToClient("WARNING"));
    }

    /** pgjdbc's getImportedKeys reads max_index_keys and fails without it. */
    @Test
    void maxIndexKeysIsPostgresThirtyTwo() {
        org.junit.jupiter.api.Assertions.assertEquals("32", new SessionParameters().get("max_index_keys"));
    }
}
