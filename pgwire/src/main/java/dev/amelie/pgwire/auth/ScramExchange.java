package dev.amelie.pgwire.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802 section 5; PostgreSQL's
 * auth-scram.c): client-first → server-first → client-final → server-final. Without channel
 * binding (we do not offer SCRAM-SHA-256-PLUS). A role that does not exist or has no verifier
 * gets a made-up one (PostgreSQL's "doomed" exchange), so that the conversation and its
 * failure look the same as for a wrong password. Not thread-safe: one per connection.
 */
public final class ScramExchange {
    public static final String MECHANISM = "SCRAM-SHA-256";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Mock salts depend on the name and this server's secret, as PostgreSQL's scram_mock_salt. */
    private static final byte[] MOCK_SECRET = randomBytes(32);

    private final ScramVerifier verifier;
    private final boolean doomed;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private String gs2Header;

    /** Outcome of a step: the message to send, or a failure (null message). */
    public record Step(String message, Failure failure) {}

    public enum Failure { PROTOCOL, WRONG_PASSWORD }

    /** {@code verifier} null: the role is unknown or has no SCRAM verifier; the exchange will fail at its end. */
    public ScramExchange(ScramVerifier verifier, String user) {
        this.doomed = verifier == null;
        this.verifier = verifier != null ? verifier : mock(user);
    }

    private static ScramVerifier mock(String user) {
        byte[] salt = java.util.Arrays.copyOf(ScramVerifier.sha256(concat(user.getBytes(StandardCharsets.UTF_8), MOCK_SECRET)), 16);
        return new ScramVerifier(ScramVerifier.DEFAULT_ITERATIONS, salt, new byte[32], new byte[32]);
    }

    /** The client-first-message: {@code gs2-header client-first-message-bare}; answers with server-first-message. */
    public Step clientFirst(String message) {
        // gs2-header: "n,," or "y,," (client supports binding, server does not offer it); "p=…" is binding we never offered.
        if (message.startsWith("p=")) {
            return new Step(null, Failure.PROTOCOL);
        }
        if (!message.startsWith("n,") && !message.startsWith("y,")) {
            return new Step(null, Failure.PROTOCOL);
        }
        int second = message.indexOf(',', 2);
        if (second < 0) {
            return new Step(null, Failure.PROTOCOL);
        }
        gs2Header = message.substring(0, second + 1);
        clientFirstBare = message.substring(second + 1);
        String clientNonce = attribute(clientFirstBare, 'r');
        if (clientNonce == null || clientNonce.isEmpty()) {
            return new Step(null, Failure.PROTOCOL);
        }
        nonce = clientNonce + Base64.getEncoder().encodeToString(randomBytes(18));
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt()) + ",i=" + verifier.iterations();
        return new Step(serverFirst, null);
    }

    /** The client-final-message {@code c=…,r=…,p=…}: answers with server-final-message {@code v=…}, or fails. */
    public Step clientFinal(String message) {
        int proofAt = message.lastIndexOf(",p=");
        if (serverFirst == null || proofAt < 0) {
            return new Step(null, Failure.PROTOCOL);
        }
        String withoutProof = message.substring(0, proofAt);
        String binding = attribute(withoutProof, 'c');
        String finalNonce = attribute(withoutProof, 'r');
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            return new Step(null, Failure.PROTOCOL);
        }
        String expectedBinding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.US_ASCII));
        if (!expectedBinding.equals(binding) || !nonce.equals(finalNonce) || proof.length != 32) {
            return new Step(null, Failure.PROTOCOL);
        }
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = ScramVerifier.hmac(verifier.storedKey(), authMessage);
        byte[] clientKey = new byte[32];
        for (int i = 0; i < 32; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        boolean valid = MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey());
        if (doomed || !valid) {
            return new Step(null, Failure.WRONG_PASSWORD);
        }
        byte[] serverSignature = ScramVerifier.hmac(verifier.serverKey(), authMessage);
        return new Step("v=" + Base64.getEncoder().encodeToString(serverSignature), null);
    }

    /** The value of attribute {@code name} ({@code name=value}) in a comma-separated SCRAM message. */
    private static String attribute(String message, char name) {
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
                return part.substring(2);
            }
        }
        return null;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
