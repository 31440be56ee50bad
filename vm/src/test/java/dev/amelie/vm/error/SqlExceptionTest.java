package dev.amelie.vm.error;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlExceptionTest {

    @Test
    void aFullDiskAnywhereInTheCauseIs53100() {
        IOException full = new IOException("No space left on device");
        SqlException e = SqlException.ioFailure("could not write", "log stopped", new RuntimeException("wrapped", full));
        assertEquals(SqlState.DISK_FULL, e.state());
        assertEquals("could not write: log stopped", e.getMessage());
    }

    @Test
    void anyOtherIoFailureIs58030() {
        SqlException e = SqlException.ioFailure("could not write", "File too large", new IOException("File too large"));
        assertEquals(SqlState.IO_ERROR, e.state());
    }
}
