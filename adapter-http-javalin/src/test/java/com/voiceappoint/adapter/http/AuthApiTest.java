package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthApiTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    private final ApiClient api = server.client();

    @Test
    void registration_answers_like_the_seed_and_login_then_me_show_the_owner_membership() {
        var registered = api.at("/api/v1/auth/register/")
                .post(Map.of(
                        "email", "Ana@Example.com",
                        "password", "s3cret-enough",
                        "business_name", "Clínica Ana",
                        "business_type", "clinic",
                        "timezone", "Europe/Madrid",
                        "currency", "EUR",
                        "language", "en"));

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.body().get("user").get("email").asText()).isEqualTo("ana@example.com");
        assertThat(registered.body().get("business_slug").asText()).isEqualTo("clinica-ana");
        assertThat(registered.body().get("business_name").asText()).isEqualTo("Clínica Ana");

        var token = api.at("/api/v1/auth/token").post(Map.of("email", "ana@example.com", "password", "s3cret-enough"));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.body().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.body().get("expires_in").asLong()).isEqualTo(1800);
        assertThat(token.header("cache-control")).isEqualTo("no-store");

        var me = api.at("/api/v1/auth/me/")
                .token(token.body().get("access").asText())
                .get();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("language").asText()).isEqualTo("en");
        assertThat(me.body().get("memberships").get(0).get("role").asText()).isEqualTo("owner");
        assertThat(me.body()
                        .get("memberships")
                        .get(0)
                        .get("business")
                        .get("timezone")
                        .asText())
                .isEqualTo("Europe/Madrid");
    }

    @Test
    void someone_who_only_works_for_others_registers_without_founding_a_business() {
        var registered = api.at("/api/v1/auth/register")
                .post(Map.of("email", "just-staff@example.com", "password", "s3cret-enough", "full_name", "Sam"));

        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(registered.body().get("user").get("email").asText()).isEqualTo("just-staff@example.com");
        assertThat(registered.body().has("business_id")).isFalse();
        TokenPair login = login("just-staff@example.com");
        assertThat(api.at("/api/v1/auth/me").token(login.access()).get().body().get("memberships"))
                .isEmpty();
    }

    @Test
    void login_gives_a_refresh_token_that_rotates_and_cannot_be_replayed() {
        server.owner("rotate@example.com", "Rotate Shop");
        var login =
                api.at("/api/v1/auth/token").post(Map.of("email", "rotate@example.com", "password", "s3cret-enough"));
        String firstRefresh = login.body().get("refresh").asText();
        assertThat(login.body().get("refresh_expires_in").asLong()).isEqualTo(30L * 24 * 3600);

        var refreshed = api.at("/api/v1/auth/refresh/").post(Map.of("refresh", firstRefresh));
        assertThat(refreshed.status()).isEqualTo(200);
        String access = refreshed.body().get("access").asText();
        String secondRefresh = refreshed.body().get("refresh").asText();
        assertThat(api.at("/api/v1/auth/me").token(access).get().status()).isEqualTo(200);

        var replay = api.at("/api/v1/auth/refresh").post(Map.of("refresh", firstRefresh));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body().get("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(api.at("/api/v1/auth/refresh")
                        .post(Map.of("refresh", secondRefresh))
                        .status())
                .as("the replay revoked the whole family")
                .isEqualTo(401);
    }

    private TokenPair login(String email) {
        var login = api.at("/api/v1/auth/token").post(Map.of("email", email, "password", "s3cret-enough"));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return new TokenPair(
                login.body().get("access").asText(), login.body().get("refresh").asText());
    }

    private record TokenPair(String access, String refresh) {}

    private int me(String access) {
        return api.at("/api/v1/auth/me").token(access).get().status();
    }

    @Test
    void logout_ends_the_access_tokens_of_that_login_at_once_and_no_other() {
        server.owner("two-devices@example.com", "Two Devices");
        TokenPair phone = login("two-devices@example.com");
        TokenPair laptop = login("two-devices@example.com");
        var refreshed = api.at("/api/v1/auth/refresh").post(Map.of("refresh", phone.refresh()));
        String phoneAgain = refreshed.body().get("access").asText();
        assertThat(me(phone.access())).isEqualTo(200);

        assertThat(api.at("/api/v1/auth/logout")
                        .post(Map.of("refresh", refreshed.body().get("refresh").asText()))
                        .status())
                .isEqualTo(204);

        assertThat(me(phone.access())).as("issued before the refresh").isEqualTo(401);
        assertThat(me(phoneAgain)).as("issued by the refresh").isEqualTo(401);
        assertThat(me(laptop.access())).as("another login").isEqualTo(200);
    }

    @Test
    void a_replayed_refresh_token_ends_the_access_tokens_of_its_login() {
        server.owner("replayed@example.com", "Replayed Shop");
        TokenPair stolen = login("replayed@example.com");
        var legitimate = api.at("/api/v1/auth/refresh").post(Map.of("refresh", stolen.refresh()));
        String current = legitimate.body().get("access").asText();
        assertThat(me(current)).isEqualTo(200);

        assertThat(api.at("/api/v1/auth/refresh")
                        .post(Map.of("refresh", stolen.refresh()))
                        .status())
                .isEqualTo(401);

        assertThat(me(current)).isEqualTo(401);
        assertThat(me(stolen.access())).isEqualTo(401);
    }

    @Test
    void logout_ends_the_refresh_token() {
        server.owner("logout@example.com", "Logout Shop");
        String refresh = api.at("/api/v1/auth/token")
                .post(Map.of("email", "logout@example.com", "password", "s3cret-enough"))
                .body()
                .get("refresh")
                .asText();

        assertThat(api.at("/api/v1/auth/logout/")
                        .post(Map.of("refresh", refresh))
                        .status())
                .isEqualTo(204);
        assertThat(api.at("/api/v1/auth/logout/")
                        .post(Map.of("refresh", "unknown"))
                        .status())
                .isEqualTo(204);
        assertThat(api.at("/api/v1/auth/refresh")
                        .post(Map.of("refresh", refresh))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void a_user_changes_their_language_and_name() {
        TestServer.Owner owner = server.owner("profile@example.com", "Profile Shop");

        var patched = api.at("/api/v1/auth/me/")
                .token(owner.token())
                .raw("PATCH", "{\"language\": \"en\", \"full_name\": \"Lola P.\"}", "application/json");

        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.body().get("language").asText()).isEqualTo("en");
        assertThat(patched.body().get("full_name").asText()).isEqualTo("Lola P.");
        var bad = api.at("/api/v1/auth/me")
                .token(owner.token())
                .raw("PATCH", "{\"language\": \"fr\"}", "application/json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("language");
    }

    @Test
    void changing_the_password_needs_the_current_one_and_logs_out_everywhere() {
        TestServer.Owner owner = server.owner("password@example.com", "Password Shop");
        String refresh = api.at("/api/v1/auth/token")
                .post(Map.of("email", "password@example.com", "password", "s3cret-enough"))
                .body()
                .get("refresh")
                .asText();

        var wrong = api.at("/api/v1/auth/password")
                .token(owner.token())
                .post(Map.of("current_password", "not-it-at-all", "new_password", "brand-new-secret"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("errors").get(0).get("field").asText()).isEqualTo("current_password");

        var changed = api.at("/api/v1/auth/password")
                .token(owner.token())
                .post(Map.of("current_password", "s3cret-enough", "new_password", "brand-new-secret"));
        assertThat(changed.status()).isEqualTo(204);
        assertThat(me(owner.token())).as("every login ended, this one too").isEqualTo(401);
        assertThat(api.at("/api/v1/auth/refresh")
                        .post(Map.of("refresh", refresh))
                        .status())
                .isEqualTo(401);
        assertThat(api.at("/api/v1/auth/token")
                        .post(Map.of("email", "password@example.com", "password", "brand-new-secret"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_second_registration_with_the_same_email_is_a_409_problem() {
        server.owner("dup@example.com", "Dup One");

        var again = api.at("/api/v1/auth/register")
                .header("Accept-Language", "en")
                .post(Map.of(
                        "email", "DUP@example.com",
                        "password", "s3cret-enough",
                        "business_name", "Dup Two",
                        "business_type", "salon",
                        "timezone", "Europe/Madrid",
                        "currency", "EUR"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.body().get("code").asText()).isEqualTo("EMAIL_ALREADY_REGISTERED");
        assertThat(again.body().get("title").asText()).isEqualTo("E-mail already registered");
        var emailError = again.body().get("errors").get(0);
        assertThat(emailError.get("field").asText()).isEqualTo("email");
        // the address is well formed: what is wrong with it is that it is taken
        assertThat(emailError.get("code").asText()).isEqualTo("email_already_registered");
        assertThat(emailError.get("message").asText())
                .isEqualTo(again.body().get("detail").asText())
                .doesNotContainIgnoringCase("not a valid");
    }

    @Test
    void wrong_password_and_unknown_email_get_the_same_401() {
        server.owner("login@example.com", "Login Shop");

        var wrong =
                api.at("/api/v1/auth/token").post(Map.of("email", "login@example.com", "password", "nope-nope-nope"));
        var unknown =
                api.at("/api/v1/auth/token").post(Map.of("email", "ghost@example.com", "password", "nope-nope-nope"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.body().get("code")).isEqualTo(unknown.body().get("code"));
        assertThat(wrong.body().get("detail")).isEqualTo(unknown.body().get("detail"));
    }

    @Test
    void member_routes_without_a_token_ask_for_one() {
        var me = api.at("/api/v1/auth/me").get();

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.body().get("code").asText()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(me.header("www-authenticate")).startsWith("Bearer");
    }

    @Test
    void a_token_signed_with_our_key_is_refused_without_an_expiry_or_an_issue_time() {
        TestServer.Owner owner = server.owner("claims@example.com", "Claims Shop");
        String valid = owner.token();

        assertThat(me(resigned(valid, claim -> true)))
                .as("the same claims, signed again")
                .isEqualTo(200);
        assertThat(me(resigned(valid, claim -> !claim.equals("exp")))).isEqualTo(401);
        assertThat(me(resigned(valid, claim -> !claim.equals("iat")))).isEqualTo(401);
        assertThat(me(resigned(valid, claim -> !claim.equals("sid")))).isEqualTo(401);
    }

    /** The claims of a token we issued, those {@code kept}, signed again with our own key. */
    private static String resigned(String valid, Predicate<String> kept) {
        var claims = new LinkedHashMap<String, Object>();
        JWT.decode(valid).getClaims().forEach((name, claim) -> {
            if (kept.test(name)) {
                claims.put(name, claim.as(Object.class));
            }
        });
        return JWT.create().withPayload(claims).sign(Algorithm.HMAC256(TestServer.SECRET));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"expired", "tampered", "wrong-key", "alg-none", "not-a-jwt", "no-bearer-prefix", "wrong-type"})
    void forged_or_stale_tokens_are_refused(String attack) {
        TestServer.Owner owner = server.owner("attack-" + attack + "@example.com", "Attack " + attack);
        var me = api.at("/api/v1/auth/me")
                .header("Authorization", forge(attack, owner.token()))
                .get();

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.body().get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    private static String forge(String attack, String valid) {
        String subject = JWT.decode(valid).getSubject();
        Algorithm ours = Algorithm.HMAC256(TestServer.SECRET);
        return switch (attack) {
            case "expired" ->
                "Bearer "
                        + JWT.create()
                                .withIssuer("voiceappoint")
                                .withSubject(subject)
                                .withClaim("typ", "access")
                                .withExpiresAt(TestServer.NOW.minusSeconds(60))
                                .sign(ours);
            case "tampered" -> {
                String[] parts = valid.split("\\.");
                String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(subject, UUID.randomUUID().toString());
                yield "Bearer " + parts[0] + "."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                        + "." + parts[2];
            }
            case "wrong-key" ->
                "Bearer "
                        + JWT.create()
                                .withIssuer("voiceappoint")
                                .withSubject(subject)
                                .withClaim("typ", "access")
                                .withExpiresAt(Instant.parse("2030-01-01T00:00:00Z"))
                                .sign(Algorithm.HMAC256("another-secret-that-is-32-bytes-long!!"));
            case "alg-none" ->
                "Bearer "
                        + JWT.create()
                                .withIssuer("voiceappoint")
                                .withSubject(subject)
                                .withClaim("typ", "access")
                                .withExpiresAt(Instant.parse("2030-01-01T00:00:00Z"))
                                .sign(Algorithm.none());
            case "wrong-type" ->
                "Bearer "
                        + JWT.create()
                                .withIssuer("voiceappoint")
                                .withSubject(subject)
                                .withClaim("typ", "refresh")
                                .withExpiresAt(Instant.parse("2030-01-01T00:00:00Z"))
                                .sign(ours);
            case "not-a-jwt" -> "Bearer definitely.not.ajwt";
            case "no-bearer-prefix" -> "Token " + valid;
            default -> throw new IllegalArgumentException(attack);
        };
    }
}
