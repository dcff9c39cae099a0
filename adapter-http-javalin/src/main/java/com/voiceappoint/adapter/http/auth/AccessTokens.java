package com.voiceappoint.adapter.http.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.RegisteredClaims;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.Language;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Short-lived HS256 access tokens, signed with a key from the environment. One verifier, built once, that accepts
 * only our algorithm (a token claiming {@code alg: none} or RS256 is refused), our issuer and our token type, and
 * only tokens that say when they were issued and when they expire: java-jwt checks {@code exp} only when it is
 * there, and a token without one would never die. Each token names the login it belongs to ({@code sid}), so that
 * ending the login (logout, a replayed refresh token, a password change) ends its access tokens too.
 */
public final class AccessTokens {
    public static final int MIN_SECRET_BYTES = 32;
    private static final String ISSUER = "voiceappoint";
    private static final String TYPE = "access";
    private static final String LOGIN = "sid";
    private static final String STREAM = "stream";
    private static final String BUSINESS = "bid";
    /** Long enough to open the stream (and for the browser's own reconnects soon after), short enough to leak little. */
    static final Duration TICKET_LIFETIME = Duration.ofMinutes(1);

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final JWTVerifier ticketVerifier;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(String secret, Duration lifetime, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the JWT secret needs at least 32 bytes");
        }
        this.algorithm = Algorithm.HMAC256(secret);
        this.lifetime = lifetime;
        this.clock = clock;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                        .withIssuer(ISSUER)
                        .withClaim("typ", TYPE)
                        .withClaimPresence(RegisteredClaims.SUBJECT)
                        .withClaimPresence(RegisteredClaims.ISSUED_AT)
                        .withClaimPresence(RegisteredClaims.EXPIRES_AT)
                        .withClaimPresence(LOGIN)
                        .acceptLeeway(5))
                .build(clock);
        this.ticketVerifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                        .withIssuer(ISSUER)
                        .withClaim("typ", STREAM)
                        .withClaimPresence(RegisteredClaims.SUBJECT)
                        .withClaimPresence(RegisteredClaims.EXPIRES_AT)
                        .withClaimPresence(LOGIN)
                        .withClaimPresence(BUSINESS)
                        .acceptLeeway(5))
                .build(clock);
    }

    /**
     * A ticket to one business's event stream, for a minute, in the name of the bearer's login: what a browser puts in
     * the stream's URL instead of its access token. It opens nothing else: its type is not an access token's.
     */
    public Issued issueStreamTicket(Bearer bearer, BusinessId business) {
        String token = token(STREAM, bearer.userId(), bearer.language(), bearer.login(), TICKET_LIFETIME)
                .withClaim(BUSINESS, business.toString())
                .sign(algorithm);
        return new Issued(token, TICKET_LIFETIME);
    }

    /** The member a stream ticket speaks for, if it is valid and for this business; a 401 otherwise. */
    public Bearer verifyStreamTicket(String ticket, BusinessId business) {
        try {
            DecodedJWT jwt = ticketVerifier.verify(ticket);
            if (!business.toString().equals(jwt.getClaim(BUSINESS).asString())) {
                throw AuthenticationException.invalidToken();
            }
            return bearer(jwt);
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
            throw AuthenticationException.invalidToken();
        }
    }

    public Issued issue(UserId user, Language language, UUID login) {
        return new Issued(token(TYPE, user, language, login, lifetime).sign(algorithm), lifetime);
    }

    /** A token of this type for the login, from now for {@code lifetime}, with its own id. */
    private JWTCreator.Builder token(String type, UserId user, Language language, UUID login, Duration lifetime) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withSubject(user.toString())
                .withClaim("typ", type)
                .withClaim("lang", language.code())
                .withClaim(LOGIN, login.toString())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(lifetime))
                .withJWTId(UUID.randomUUID().toString());
    }

    private static Bearer bearer(DecodedJWT jwt) {
        return new Bearer(
                new UserId(UUID.fromString(jwt.getSubject())),
                Language.fromTag(jwt.getClaim("lang").asString()).orElse(Language.ES),
                UUID.fromString(jwt.getClaim(LOGIN).asString()));
    }

    /** The member a bearer token speaks for; a 401 for anything expired, tampered with, or not ours. */
    public Bearer verify(String token) {
        try {
            return bearer(verifier.verify(token));
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
            throw AuthenticationException.invalidToken();
        }
    }

    public record Issued(String token, Duration lifetime) {}

    /** {@code login} is the login the token was issued to, which must still be on for the token to count. */
    public record Bearer(UserId userId, Language language, UUID login) {}
}
