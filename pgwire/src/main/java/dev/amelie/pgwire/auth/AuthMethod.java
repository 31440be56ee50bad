package dev.amelie.pgwire.auth;

import java.util.Locale;

/** How a connection proves who it is (pg_hba.conf's auth-method), for the methods we have. */
public enum AuthMethod {
    TRUST("trust"), SCRAM_SHA_256("scram-sha-256"), MD5("md5"), REJECT("reject");

    private final String text;

    AuthMethod(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static AuthMethod parse(String text) {
        for (AuthMethod method : values()) {
            if (method.text.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown authentication method '" + text + "' (known: trust, scram-sha-256, md5, reject)");
    }
}
