package dev.amelie.pgwire.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code amelie start --tls} without a configured certificate: a self-signed certificate for
 * localhost and 127.0.0.1 with its key, made once into the data directory as
 * {@code server.crt} and {@code server.key} (PostgreSQL's default names) and reused on every
 * later start. A client can encrypt with it ({@code sslmode=require}) but not verify it; for
 * {@code verify-full} configure a certificate signed by a CA the clients trust.
 *
 * <p>The JDK has no public API to sign a certificate, so the JDK's own {@code keytool}
 * ({@code java.home/bin}) makes the key pair into a throw-away PKCS#12 store, which is read back
 * here and written out as PEM. No BouncyCastle.
 */
public final class GeneratedCertificate {
    public static final String CERTIFICATE_FILE = "server.crt";
    public static final String KEY_FILE = "server.key";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private GeneratedCertificate() {
    }

    /** The data directory's certificate and key, made first if either is missing; returns the certificate's path. */
    public static Path ensure(Path dataDirectory) throws IOException {
        Path certificate = dataDirectory.resolve(CERTIFICATE_FILE);
        Path key = dataDirectory.resolve(KEY_FILE);
        if (Files.isRegularFile(certificate) && Files.isRegularFile(key)) {
            return certificate;
        }
        Files.createDirectories(dataDirectory);
        Path store = Files.createTempFile(dataDirectory, "server-", ".p12");
        Files.delete(store); // keytool refuses to write into an existing empty file
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        try {
            runKeytool(List.of(keytool().toString(), "-genkeypair", "-alias", "amelie", "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "3650", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", password, "-keypass", password));
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, password.toCharArray());
            }
            Key privateKey = keyStore.getKey("amelie", password.toCharArray());
            Certificate cert = keyStore.getCertificate("amelie");
            // The key first, readable by the owner only, as PostgreSQL demands of server.key.
            writeAtomically(key, pem("PRIVATE KEY", privateKey.getEncoded()), true);
            writeAtomically(certificate, pem("CERTIFICATE", cert.getEncoded()), false);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key pair keytool made: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(store);
        }
        return certificate;
    }

    private static Path keytool() throws IOException {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        for (String name : new String[] {"keytool", "keytool.exe"}) {
            if (Files.isExecutable(bin.resolve(name))) {
                return bin.resolve(name);
            }
        }
        throw new IOException("cannot make a self-signed certificate: no keytool in " + bin
                + "; configure ssl_cert_file and ssl_key_file instead");
    }

    private static void runKeytool(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool could not make a self-signed certificate: "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made a certificate", e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void writeAtomically(Path target, String text, boolean ownerOnly) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the platform's defaults apply.
            }
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
