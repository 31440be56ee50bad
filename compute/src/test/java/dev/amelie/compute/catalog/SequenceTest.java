package dev.amelie.compute.catalog;

import dev.amelie.vm.error.SqlException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SequenceTest {

    @Test
    void countsFromStartAndStopsAtTheBound() {
        Sequence s = new Sequence(new SequenceDef("public", "s", 2, 1, 6, 3, false));
        assertEquals(3, s.next());
        assertEquals(5, s.next());
        SqlException e = assertThrows(SqlException.class, s::next);
        assertEquals("2200H", e.state().code());
        assertEquals("nextval: reached maximum value of sequence \"s\" (6)", e.getMessage());
    }

    @Test
    void cyclesWhenAsked() {
        Sequence s = new Sequence(new SequenceDef("public", "s", -1, 1, 2, 2, true));
        assertEquals(2, s.next());
        assertEquals(1, s.next());
        assertEquals(2, s.next());
    }

    /** Commits may log states in another order than they were reached; the latest one wins. */
    @Test
    void recoveryKeepsTheMostAdvancedState() {
        Sequence live = new Sequence(new SequenceDef("public", "s", 1, 1, Long.MAX_VALUE, 1, false));
        live.next();
        Sequence.State early = live.state();
        live.next();
        live.next();
        Sequence.State late = live.state();

        Sequence recovered = new Sequence(live.def());
        recovered.restore(late);
        recovered.restore(early);
        assertEquals(4, recovered.next());
    }
}
