package dev.amelie.pgwire.type;

import dev.amelie.vm.error.SqlException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoolCodecTest {

    @Test
    void acceptsPostgresSpellingsAndPrefixes() {
        for (String t : new String[] {"t", "TRUE", "tr", " yes ", "y", "on", "1"}) {
            assertEquals(true, BoolCodec.INSTANCE.readText(t), t);
        }
        for (String f : new String[] {"f", "False", "no", "n", "off", "of", "0"}) {
            assertEquals(false, BoolCodec.INSTANCE.readText(f), f);
        }
    }

    @Test
    void ambiguousOrUnknownIs22P02() {
        for (String bad : new String[] {"o", "", "truth", "2"}) {
            SqlException e = assertThrows(SqlException.class, () -> BoolCodec.INSTANCE.readText(bad), bad);
            assertEquals("invalid input syntax for type boolean: \"" + bad + "\"", e.getMessage());
        }
    }
}
