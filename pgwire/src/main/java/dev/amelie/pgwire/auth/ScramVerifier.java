package dev.amelie.pgwire.auth;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A SCRAM-SHA-256 verifier as PostgreSQL stores it in pg_authid.rolpassword
 * ({@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}, base64; RFC 5802 and
 * 7677): enough to check a client's proof and prove the server, never the password.
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    /** PostgreSQL's scram_iterations default. */
    public static final int DEFAULT_ITERATIONS = 4096;
    private static final int SALT_LENGTH = 16;
    private static final String PREFIX = "SCRAM-SHA-256$";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The verifier of a password with a fresh random salt (the password is used as given, without SASLprep). */
    public static ScramVerifier derive(String password) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return derive(password, salt, DEFAULT_ITERATIONS);
    }

    public static ScramVerifier derive(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] serverKey = hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        return new ScramVerifier(iterations, salt, sha256(clientKey), serverKey);
    }

    /** The verifier written as text, or null when {@code text} is not one. */
    public static ScramVerifier parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return null;
        }
        try {
            String[] parts = text.substring(PREFIX.length()).split("\\$");
            String[] iterationsAndSalt = parts[0].split(":");
            String[] keys = parts[1].split(":");
            if (parts.length != 2 || iterationsAndSalt.length != 2 || keys.length != 2) {
                return null;
            }
            Base64.Decoder base64 = Base64.getDecoder();
            ScramVerifier verifier = new ScramVerifier(Integer.parseInt(iterationsAndSalt[0]), base64.decode(iterationsAndSalt[1]),
                    base64.decode(keys[0]), base64.decode(keys[1]));
            return verifier.iterations() > 0 && verifier.storedKey().length == 32 && verifier.serverKey().length == 32
                    ? verifier : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    public String text() {
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + iterations + ":" + base64.encodeToString(salt) + "$" + base64.encodeToString(storedKey) + ":"
                + base64.encodeToString(serverKey);
    }

    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        try {
            // PBKDF2-HMAC-SHA-256 is RFC 5802's Hi(); the JDK wants the password as chars, the HMAC key is its UTF-8.
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            return factory.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from the JDK", e);
        }
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
