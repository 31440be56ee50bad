package dev.amelie.pgwire.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ScramExchangeTest {
    /** RFC 7677 section 3: password "pencil", this salt, 4096 iterations. */
    private static final byte[] RFC_SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");

    @Test
    void verifierOfRfc7677ExampleRoundTripsThroughItsText() {
        ScramVerifier verifier = ScramVerifier.derive("pencil", RFC_SALT, 4096);
        ScramVerifier parsed = ScramVerifier.parse(verifier.text());
        assertEquals(verifier.text(), parsed.text());
        assertNull(ScramVerifier.parse("md5abc"));
    }

    @Test
    void rightPasswordProvesAndServerSignsWrongPasswordAndUnknownRoleFailAlike() {
        ScramVerifier verifier = ScramVerifier.derive("pencil", RFC_SALT, 4096);
        assertEquals(null, run(new ScramExchange(verifier, "user"), "pencil").failure());
        assertEquals(ScramExchange.Failure.WRONG_PASSWORD, run(new ScramExchange(verifier, "user"), "pen").failure());
        assertEquals(ScramExchange.Failure.WRONG_PASSWORD, run(new ScramExchange(null, "nobody"), "pencil").failure());
    }

    /** The client side of RFC 5802, written out: returns the server's answer to client-final. */
    private static ScramExchange.Step run(ScramExchange exchange, String password) {
        String clientFirstBare = "n=,r=rOprNGfwEbeRWgbNEkqO";
        String serverFirst = exchange.clientFirst("n,," + clientFirstBare).message();
        String nonce = serverFirst.split(",")[0].substring(2);
        byte[] salt = Base64.getDecoder().decode(serverFirst.split(",")[1].substring(2));
        int iterations = Integer.parseInt(serverFirst.split(",")[2].substring(2));
        String withoutProof = "c=biws,r=" + nonce;
        byte[] salted = ScramVerifier.saltedPassword(password, salt, iterations);
        byte[] clientKey = ScramVerifier.hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] signature = ScramVerifier.hmac(ScramVerifier.sha256(clientKey), authMessage);
        byte[] proof = new byte[32];
        for (int i = 0; i < 32; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        ScramExchange.Step step = exchange.clientFinal(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
        if (step.failure() == null) {
            byte[] serverKey = ScramVerifier.hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
            assertEquals("v=" + Base64.getEncoder().encodeToString(ScramVerifier.hmac(serverKey, authMessage)), step.message());
        }
        return step;
    }
}
