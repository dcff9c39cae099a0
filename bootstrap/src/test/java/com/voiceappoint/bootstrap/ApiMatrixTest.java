package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.persistence.TestPostgres;
import com.voiceappoint.bootstrap.MemberApi.Call;
import com.voiceappoint.bootstrap.MemberApi.Route;
import com.voiceappoint.bootstrap.World.Role;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API's promises checked route by route against the running server and a real PostgreSQL: no member of one
 * business reaches another's data, each role writes exactly what PRODUCT.md §3 allows, and no hostile body gets
 * further than a problem+json answer. "Changes nothing" is read from the database itself, every table.
 */
class ApiMatrixTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID_IN_PATH =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /**
     * Member routes that act on the caller's own account, not on a business's data. The invitations a user answers
     * are found by their account's e-mail, whatever businesses they are in: AccountsAndInvitationsTest proves who
     * may answer which.
     */
    private static final Set<String> OWN_ACCOUNT = Set.of(
            "GET /api/v1/auth/me",
            "PATCH /api/v1/auth/me",
            "POST /api/v1/auth/password",
            "GET /api/v1/businesses",
            "POST /api/v1/businesses",
            "GET /api/v1/vapi/configs",
            "GET /api/v1/invitations",
            "POST /api/v1/invitations/{invitation}/accept",
            "POST /api/v1/invitations/{invitation}/decline");

    private static LiveApi api;
    private static Map<Role, LiveApi.Account> people;

    @BeforeAll
    static void start() {
        // Stripe's stand-in: the routes that reach Stripe answer their allowed roles as on a server that takes payments
        api = LiveApi.withStripe(postgres);
        people = new LinkedHashMap<>();
        for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.STAFF, Role.VIEWER)) {
            people.put(role, api.register("Home of " + role.code()));
        }
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static List<LiveApi.Account> spares(int count) {
        List<LiveApi.Account> spares = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            spares.add(api.register("Spare " + i));
        }
        return spares;
    }

    private static ApiClient.Response send(Call call, String token) {
        ApiClient.Call request = api.at(call.path()).token(token);
        return call.body() == null
                ? request.raw(call.method(), null, null)
                : request.raw(call.method(), json(call.body()), "application/json");
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> a_member_of_another_business_gets_404_for_every_route_and_changes_nothing() {
        World tenant = World.open(api, "Tenant A").withSpares(spares(3));
        LiveApi.Account stranger = api.register("Tenant B");
        return MemberApi.ROUTES.stream()
                .map(route -> DynamicTest.dynamicTest(route.name(), () -> {
                    Call call = route.call().apply(tenant, Role.OWNER);
                    String before = api.snapshot();

                    ApiClient.Response response = send(call, stranger.token());

                    assertThat(response.status()).as(response.raw()).isEqualTo(404);
                    assertThat(response.body().get("code").asText()).isEqualTo("NOT_FOUND");
                    assertThat(api.snapshot()).isEqualTo(before);
                }));
    }

    @TestFactory
    Stream<DynamicTest> each_role_writes_what_product_md_allows_and_nothing_more() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Role role : Role.values()) {
            World world = World.open(api, "Roles " + role.code()).withSpares(spares(3));
            if (role != Role.OWNER) {
                world.withMember(role, people.get(role));
            }
            String token = world.member(role).token();
            for (Route route : MemberApi.ROUTES) {
                if (!route.writes()) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(role.code() + " × " + route.name(), () -> {
                    Call call = route.call().apply(world, role);
                    String before = api.snapshot();

                    ApiClient.Response response = send(call, token);

                    if (route.allows(role)) {
                        assertThat(response.status()).as(response.raw()).isBetween(200, 299);
                    } else {
                        assertThat(response.status()).as(response.raw()).isEqualTo(403);
                        assertThat(response.body().get("code").asText()).isEqualTo("FORBIDDEN");
                        assertThat(api.snapshot()).isEqualTo(before);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> hostile_input_on_every_write_route_is_a_problem_and_writes_nothing() {
        World world = World.open(api, "Hostile").withSpares(spares(4));
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : concat(MemberApi.ROUTES, accountAndPublicRoutes())) {
            if (route.writes()) {
                // the valid call is only built, never sent: even deleting the business is safe here
                tests.add(hostile(route.name(), route.call().apply(world, Role.OWNER), world.owner.token(), route));
            }
        }
        return tests.stream();
    }

    private static List<Route> concat(List<Route> some, List<Route> more) {
        return Stream.concat(some.stream(), more.stream()).toList();
    }

    /** Writes outside a business's own routes: the account's, and the public page's. */
    private static List<Route> accountAndPublicRoutes() {
        return List.of(
                unscoped(
                        "POST",
                        "/api/v1/auth/register",
                        true,
                        List.of(
                                Map.of("timezone", "Mars/Olympus_Mons"),
                                Map.of("currency", "EURO"),
                                Map.of("password", "short"),
                                Map.of("email", "nobody"),
                                Map.of("country", "Q9")),
                        w -> Map.of(
                                "email",
                                "new" + w.next() + "@example.com",
                                "password",
                                LiveApi.PASSWORD,
                                "business_name",
                                "New " + w.next(),
                                "business_type",
                                "salon",
                                "timezone",
                                "Europe/Madrid",
                                "currency",
                                "EUR")),
                unscoped(
                        "POST",
                        "/api/v1/auth/token",
                        true,
                        List.of(Map.of("password", "not-the-password")),
                        w -> Map.of("email", w.owner.email(), "password", LiveApi.PASSWORD)),
                unscoped(
                        "POST",
                        "/api/v1/auth/refresh",
                        true,
                        List.of(Map.of("refresh", "forged")),
                        w -> Map.of("refresh", "a-refresh-token")),
                unscoped("POST", "/api/v1/auth/logout", true, List.of(), w -> Map.of("refresh", "a-refresh-token")),
                // never sent as they are: only their variants (a malformed id) are
                new Route(
                        "POST",
                        "/api/v1/invitations/{invitation}/accept",
                        Role.VIEWER,
                        false,
                        false,
                        List.of(),
                        (w, r) -> new Call("POST", "/api/v1/invitations/" + UUID.randomUUID() + "/accept", null)),
                new Route(
                        "POST",
                        "/api/v1/invitations/{invitation}/decline",
                        Role.VIEWER,
                        false,
                        false,
                        List.of(),
                        (w, r) -> new Call("POST", "/api/v1/invitations/" + UUID.randomUUID() + "/decline", null)),
                unscoped(
                        "PATCH",
                        "/api/v1/auth/me",
                        false,
                        List.of(Map.of("language", "tlh")),
                        w -> Map.of("full_name", "Renamed")),
                unscoped(
                        "POST",
                        "/api/v1/auth/password",
                        true,
                        List.of(Map.of("new_password", "short"), Map.of("current_password", "not-the-password")),
                        w -> Map.of("current_password", LiveApi.PASSWORD, "new_password", "a-new-s3cret")),
                unscoped(
                        "POST",
                        "/api/v1/businesses",
                        true,
                        List.of(Map.of("timezone", "Mars/Olympus_Mons"), Map.of("currency", "EURO")),
                        w -> Map.of(
                                "name",
                                "Second",
                                "business_type",
                                "salon",
                                "timezone",
                                "Europe/Madrid",
                                "currency",
                                "EUR")),
                new Route(
                        "POST",
                        "/api/v1/public/businesses/{slug}/appointments",
                        Role.VIEWER,
                        false,
                        true,
                        List.of(
                                Map.of("client", Map.of("name", "X", "phone", "12")),
                                Map.of("start", "2020-01-07T10:00"),
                                Map.of("service", "11111111-1111-1111-1111-111111111111")),
                        (w, r) -> new Call(
                                "POST", "/api/v1/public/businesses/" + w.slug + "/appointments", publicBooking(w))),
                new Route(
                        "POST",
                        "/api/v1/public/appointments/{token}/cancel",
                        Role.VIEWER,
                        false,
                        false,
                        List.of(),
                        (w, r) -> new Call(
                                "POST",
                                "/api/v1/public/appointments/" + manageToken(w) + "/cancel",
                                Map.of("reason", "ill"))),
                new Route(
                        "POST",
                        "/api/v1/public/appointments/{token}/reschedule",
                        Role.VIEWER,
                        false,
                        true,
                        List.of(Map.of("start", "2020-01-07T10:00"), Map.of("start", "soon")),
                        (w, r) -> new Call(
                                "POST",
                                "/api/v1/public/appointments/" + manageToken(w) + "/reschedule",
                                Map.of("start", w.freshStart()))));
    }

    private static Route unscoped(
            String method,
            String path,
            boolean bodyRequired,
            List<Map<String, Object>> invalid,
            java.util.function.Function<World, Map<String, Object>> body) {
        return new Route(
                method,
                path,
                Role.VIEWER,
                false,
                bodyRequired,
                invalid,
                (w, r) -> new Call(method, path, body.apply(w)));
    }

    private static Map<String, Object> publicBooking(World world) {
        return Map.of(
                "service",
                world.service,
                "start",
                world.freshStart(),
                "client",
                Map.of("name", "Web client", "phone", world.freshPhone()));
    }

    private static String manageToken(World world) {
        var booked = api.at("/api/v1/public/businesses/" + world.slug + "/appointments")
                .post(publicBooking(world));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        return booked.body().get("manage_token").asText();
    }

    private static DynamicTest hostile(String name, Call valid, String token, Route route) {
        return DynamicTest.dynamicTest(name, () -> {
            String before = api.snapshot();
            for (Variant variant : variants(valid, route)) {
                ApiClient.Call request = api.at(variant.path()).token(token).header("Accept-Language", "en");
                ApiClient.Response response = request.raw(valid.method(), variant.body(), variant.contentType());

                assertThat(response.status())
                        .as("%s: %s", variant.what(), response.raw())
                        .isBetween(400, 499);
                assertThat(response.contentType()).as(variant.what()).startsWith("application/problem+json");
                assertThat(response.body().get("code").asText())
                        .as(variant.what())
                        .isNotBlank();
            }
            assertThat(api.snapshot()).isEqualTo(before);
        });
    }

    record Variant(String what, String path, String body, String contentType) {}

    /** What a careless or malicious client sends instead of {@code valid}. */
    private static List<Variant> variants(Call valid, Route route) {
        List<Variant> variants = new ArrayList<>();
        var id = UUID_IN_PATH.matcher(valid.path());
        if (id.find()) {
            variants.add(new Variant(
                    "an id that is not one", id.replaceFirst("not-an-id"), bodyOf(valid), "application/json"));
        }
        if (valid.body() == null) {
            return variants;
        }
        String path = valid.path();
        variants.add(new Variant("malformed JSON", path, "{\"oops\": ", "application/json"));
        variants.add(new Variant("not an object", path, "[1, 2, 3]", "application/json"));
        variants.add(new Variant("not JSON at all", path, json(valid.body()), "text/plain"));
        variants.add(new Variant("oversized", path, "{\"name\": \"" + "x".repeat(70_000) + "\"}", "application/json"));
        if (route.bodyRequired()) {
            variants.add(new Variant("no fields", path, "{}", "application/json"));
        }
        for (var field : valid.body().entrySet()) {
            Map<String, Object> wrongKind = new LinkedHashMap<>(valid.body());
            wrongKind.put(field.getKey(), wrongKindOf(field.getValue()));
            variants.add(new Variant(field.getKey() + " of the wrong kind", path, json(wrongKind), "application/json"));
            if (field.getValue() instanceof String) {
                Map<String, Object> huge = new LinkedHashMap<>(valid.body());
                huge.put(field.getKey(), "x".repeat(5_000));
                variants.add(new Variant(field.getKey() + " too long", path, json(huge), "application/json"));
            }
        }
        for (Map<String, Object> invalid : route.invalid()) {
            Map<String, Object> body = new LinkedHashMap<>(valid.body());
            body.putAll(invalid);
            variants.add(new Variant("invalid " + invalid, path, json(body), "application/json"));
        }
        return variants;
    }

    private static String bodyOf(Call call) {
        return call.body() == null ? null : json(call.body());
    }

    private static Object wrongKindOf(Object value) {
        if (value instanceof String) {
            return Map.of("nested", true);
        }
        if (value instanceof Number) {
            return "a lot";
        }
        if (value instanceof Boolean) {
            return "perhaps";
        }
        return "plain text";
    }

    @Test
    void every_documented_member_route_is_in_the_matrices() {
        JsonNode document = api.at("/api/v1/openapi.json").get().body();
        Set<String> memberRoutes = new TreeSet<>();
        document.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    JsonNode security = op.getValue().path("security");
                    if (op.getValue().isObject() && security.path(0).has("bearer")) {
                        memberRoutes.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        Set<String> covered = new TreeSet<>(OWN_ACCOUNT);
        MemberApi.ROUTES.forEach(route -> covered.add(route.name()));

        assertThat(covered).isEqualTo(memberRoutes);
    }
}
