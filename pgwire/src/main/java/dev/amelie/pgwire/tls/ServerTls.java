package dev.amelie.pgwire.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.SSLException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server side of TLS: one {@link SslContext} built from a PEM certificate chain and a PEM
 * private key (PKCS#8, "BEGIN PRIVATE KEY", as openssl 3 and {@link GeneratedCertificate} write
 * it), through the JDK's own provider, TLS 1.2 and 1.3 only (PostgreSQL 15's
 * ssl_min_protocol_version default is TLSv1.2).
 *
 * <p>Thread-safe: the context is immutable; each connection that asks for TLS gets its own
 * {@link SslHandler}.
 */
public final class ServerTls {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SslContext context;
    private final Path certificateFile;

    private ServerTls(SslContext context, Path certificateFile) {
        this.context = context;
        this.certificateFile = certificateFile;
    }

    /**
     * Reads the certificate chain and key. Throws IllegalArgumentException naming the file when
     * one is missing or unreadable, so that a server with a bad TLS setup does not start.
     */
    public static ServerTls fromPem(Path certificateFile, Path keyFile) {
        for (Path file : new Path[] {certificateFile, keyFile}) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("could not load TLS file \"" + file + "\": not a readable file");
            }
        }
        try {
            SslContext context = SslContextBuilder.forServer(certificateFile.toFile(), keyFile.toFile())
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .build();
            return new ServerTls(context, certificateFile);
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("could not load TLS certificate \"" + certificateFile + "\" and key \""
                    + keyFile + "\" (PEM, the key in PKCS#8 \"BEGIN PRIVATE KEY\" form): " + e.getMessage(), e);
        }
    }

    /** A handler for one connection; it starts the handshake when the client's hello arrives. */
    public SslHandler newHandler(ByteBufAllocator allocator) {
        return context.newHandler(allocator);
    }

    public Path certificateFile() {
        return certificateFile;
    }
}
