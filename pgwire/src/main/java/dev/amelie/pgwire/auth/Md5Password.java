package dev.amelie.pgwire.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * PostgreSQL's md5 passwords (crypt.c): stored as {@code "md5" + md5(password + user)}; the client
 * answers a 4-byte salt with {@code "md5" + md5(hex(md5(password + user)) + salt)}.
 */
public final class Md5Password {
    private Md5Password() {}

    /** Whether a stored password is an md5 hash ("md5" and 32 hex digits), as PostgreSQL recognizes one. */
    public static boolean isHash(String stored) {
        return stored != null && stored.length() == 35 && stored.startsWith("md5")
                && stored.substring(3).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** What the client must send for the stored hash and this salt. */
    public static String expectedResponse(String storedHash, byte[] salt) {
        byte[] hex = storedHash.substring(3).getBytes(StandardCharsets.US_ASCII);
        byte[] salted = java.util.Arrays.copyOf(hex, hex.length + salt.length);
        System.arraycopy(salt, 0, salted, hex.length, salt.length);
        return "md5" + md5Hex(salted);
    }

    public static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from the JDK", e);
        }
    }
}
