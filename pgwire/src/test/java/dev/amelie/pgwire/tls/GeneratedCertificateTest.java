package dev.amelie.pgwire.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratedCertificateTest {

    @Test
    void makesAPemPairForLocalhostOnceAndReusesIt(@TempDir Path data) throws Exception {
        Path certificate = GeneratedCertificate.ensure(data);
        Path key = data.resolve(GeneratedCertificate.KEY_FILE);
        assertEquals(data.resolve("server.crt"), certificate);
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"), "PKCS#8 PEM, as the JDK provider reads it");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

        X509Certificate x509;
        try (InputStream in = Files.newInputStream(certificate)) {
            x509 = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        List<String> names = x509.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
        assertTrue(names.containsAll(List.of("localhost", "127.0.0.1")), "names: " + names);

        byte[] before = Files.readAllBytes(certificate);
        GeneratedCertificate.ensure(data);
        assertArrayEquals(before, Files.readAllBytes(certificate), "a second start keeps the pair");
        ServerTls.fromPem(certificate, key); // the pair loads
    }
}
