package dev.amelie.pgwire.engine;

import dev.amelie.compute.executor.StatementOutcome;
import dev.amelie.vm.row.GrowableBuffer;
import dev.amelie.vm.row.RowCodec;

import java.util.zip.CRC32C;

/**
 * What a statement showed the client, as one number: its row count or affected-row count, and
 * the multiset of its rows (CRC32C of each row's encoding, summed, so that row order — which
 * SQL leaves open without ORDER BY, and among ties with it — does not matter).
 */
final class ResultFingerprint {
    private ResultFingerprint() {}

    static long of(StatementOutcome outcome) {
        long rows = 0;
        CRC32C crc = new CRC32C();
        for (Object[] row : outcome.rows()) {
            GrowableBuffer encoded = new GrowableBuffer(64);
            RowCodec.writeRow(encoded, row);
            crc.reset();
            crc.update(encoded.toByteArray());
            rows += mix(crc.getValue());
        }
        return mix(outcome.rows().size() * 31L + outcome.affected()) ^ rows;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
