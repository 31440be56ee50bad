package dev.amelie.pgwire.session;

import dev.amelie.compute.catalog.RoleDef;
import dev.amelie.pgwire.auth.AuthMethod;
import dev.amelie.pgwire.auth.Authentication;
import dev.amelie.pgwire.auth.HbaRule;
import dev.amelie.pgwire.auth.Md5Password;
import dev.amelie.pgwire.auth.ScramExchange;
import dev.amelie.pgwire.auth.ScramVerifier;
import dev.amelie.pgwire.message.AuthenticationRequest;
import dev.amelie.pgwire.message.PasswordMessage;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Client authentication after the StartupMessage, as PostgreSQL 15's auth.c runs it: the first
 * matching rule picks the method; trust lets the role in, scram-sha-256 runs a SASL exchange,
 * md5 asks for a salted hash (or runs SCRAM when the role's password is a SCRAM verifier, as
 * PostgreSQL does). Then the role must exist, may log in, and be under its connection limit
 * (postinit.c). An unknown role and a wrong password fail alike: 28P01, the same words, after
 * the same exchange. Runs on the session's event loop.
 */
final class LoginFlow {
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum Expecting { SASL_INITIAL, SASL_RESPONSE, MD5_PASSWORD }

    private final Session session;
    private final Authentication authentication;
    private final String user;
    private final Runnable admitted;
    private Expecting expecting;
    private ScramExchange scram;
    private byte[] md5Salt;

    private LoginFlow(Session session, Authentication authentication, String user, Runnable admitted) {
        this.session = session;
        this.authentication = authentication;
        this.user = user;
        this.admitted = admitted;
    }

    /**
     * Starts authentication; {@code admitted} runs once the client is in. Returns the flow
     * waiting for the client's answer, or null when it is over already (admitted or refused).
     */
    static LoginFlow start(Session session, Authentication authentication, String user, String database,
                           InetAddress address, Runnable admitted) {
        LoginFlow flow = new LoginFlow(session, authentication, user, admitted);
        HbaRule rule = authentication.rules().match(database, user, address);
        String where = "host \"" + (address == null ? "" : address.getHostAddress()) + "\", user \"" + user
                + "\", database \"" + database + "\", no encryption";
        if (rule == null) {
            session.fatal(new SqlException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "no pg_hba.conf entry for " + where));
            return null;
        }
        RoleDef role = authentication.roles().role(user);
        String stored = role == null ? null : role.password();
        AuthMethod method = rule.method();
        if (method == AuthMethod.MD5 && ScramVerifier.parse(stored) != null) {
            method = AuthMethod.SCRAM_SHA_256; // auth.c: md5 with a SCRAM verifier stored uses SCRAM
        }
        switch (method) {
            case REJECT -> {
                session.fatal(new SqlException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                        "pg_hba.conf rejects connection for " + where));
                return null;
            }
            case TRUST -> {
                flow.authenticated();
                return null;
            }
            case SCRAM_SHA_256 -> {
                flow.scram = new ScramExchange(ScramVerifier.parse(stored), user);
                flow.expecting = Expecting.SASL_INITIAL;
                AuthenticationRequest.writeSasl(session.out().buffer(), ScramExchange.MECHANISM);
            }
            case MD5 -> {
                flow.md5Salt = new byte[4];
                RANDOM.nextBytes(flow.md5Salt);
                flow.expecting = Expecting.MD5_PASSWORD;
                AuthenticationRequest.writeMd5(session.out().buffer(), flow.md5Salt);
            }
        }
        session.out().flush();
        return flow;
    }

    /** The client's 'p' message; true when the flow is over (admitted or refused). */
    boolean answer(PasswordMessage message) {
        ByteBuffer body = ByteBuffer.wrap(message.body());
        switch (expecting) {
            case SASL_INITIAL -> {
                String mechanism = cString(body);
                if (mechanism == null || body.remaining() < 4) {
                    return protocolViolation("malformed SASL message");
                }
                if (!mechanism.equals(ScramExchange.MECHANISM)) {
                    return protocolViolation("client selected an invalid SASL authentication mechanism");
                }
                int length = body.getInt();
                if (length < 0 || length != body.remaining()) {
                    return protocolViolation("malformed SASL message");
                }
                ScramExchange.Step step = scram.clientFirst(rest(body));
                if (step.failure() != null) {
                    return protocolViolation("malformed SCRAM message");
                }
                expecting = Expecting.SASL_RESPONSE;
                AuthenticationRequest.writeSaslContinue(session.out().buffer(), step.message());
                session.out().flush();
                return false;
            }
            case SASL_RESPONSE -> {
                ScramExchange.Step step = scram.clientFinal(rest(body));
                if (step.failure() == ScramExchange.Failure.PROTOCOL) {
                    return protocolViolation("malformed SCRAM message");
                }
                if (step.failure() != null) {
                    return failed();
                }
                AuthenticationRequest.writeSaslFinal(session.out().buffer(), step.message());
                authenticated();
                return true;
            }
            case MD5_PASSWORD -> {
                String response = cString(body);
                RoleDef role = authentication.roles().role(user);
                String stored = role == null ? null : role.password();
                if (response == null || !Md5Password.isHash(stored) || !MessageDigest.isEqual(
                        response.getBytes(StandardCharsets.UTF_8),
                        Md5Password.expectedResponse(stored, md5Salt).getBytes(StandardCharsets.UTF_8))) {
                    return failed();
                }
                authenticated();
                return true;
            }
        }
        return true;
    }

    /** The method is satisfied; now the role itself (postinit.c InitializeSessionUserId). */
    private void authenticated() {
        RoleDef role = authentication.roles().role(user);
        if (role == null) {
            session.fatal(new SqlException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "role \"" + user + "\" does not exist"));
            return;
        }
        if (!role.login()) {
            session.fatal(new SqlException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "role \"" + user + "\" is not permitted to log in"));
            return;
        }
        // The limit counts this session too, which registers when admitted: hence "at least".
        if (!role.superuser() && role.connectionLimit() >= 0
                && session.registry().sessionsOf(user) >= role.connectionLimit()) {
            session.fatal(new SqlException(SqlState.TOO_MANY_CONNECTIONS, "too many connections for role \"" + user + "\""));
            return;
        }
        admitted.run();
    }

    private boolean failed() {
        session.fatal(new SqlException(SqlState.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\""));
        return true;
    }

    private boolean protocolViolation(String message) {
        session.fatal(new SqlException(SqlState.PROTOCOL_VIOLATION, message));
        return true;
    }

    private static String cString(ByteBuffer body) {
        int start = body.position();
        for (int i = start; i < body.limit(); i++) {
            if (body.get(i) == 0) {
                String text = new String(body.array(), start, i - start, StandardCharsets.UTF_8);
                body.position(i + 1);
                return text;
            }
        }
        return null;
    }

    private static String rest(ByteBuffer body) {
        return new String(body.array(), body.position(), body.remaining(), StandardCharsets.UTF_8);
    }
}
