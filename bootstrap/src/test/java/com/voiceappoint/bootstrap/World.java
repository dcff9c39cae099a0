package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.http.ApiClient;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A business set up through the API: open 08:00-20:00 every day, one 30-minute service, and members in whichever
 * roles a test adds. Everything a test acts on is made fresh by the owner, so no call depends on another's leftovers.
 */
final class World {
    /** From the most to the least powerful: PRODUCT.md §3. */
    enum Role {
        OWNER,
        ADMIN,
        MANAGER,
        STAFF,
        VIEWER;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final int SLOTS_A_DAY = 24;
    /** Bookings fill days from here on; special days and time off go further out, where they block no booking. */
    private static final LocalDate FIRST_DAY =
            LocalDate.now(MADRID).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    private static final int FAR_OFF_DAYS = 45;
    static final Map<String, Object> EVERY_DAY = everyDay();

    private final LiveApi api;
    final LiveApi.Account owner;
    final String id;
    final String slug;
    final String service;
    final String ownerProvider;
    private final Map<Role, LiveApi.Account> members = new EnumMap<>(Role.class);
    private String staffProvider;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Deque<LiveApi.Account> spares = new ArrayDeque<>();
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private String voiceNumber;
    private String depositService;

    private World(LiveApi api, LiveApi.Account owner, String slug, String service, String ownerProvider) {
        this.api = api;
        this.owner = owner;
        this.id = owner.businessId();
        this.slug = slug;
        this.service = service;
        this.ownerProvider = ownerProvider;
        members.put(Role.OWNER, owner);
    }

    static World open(LiveApi api, String name) {
        LiveApi.Account owner = api.register(name);
        expect(200, put(api, owner, "/api/v1/businesses/" + owner.businessId() + "/hours", Map.of("hours", EVERY_DAY)));
        String service = created(post(
                api,
                owner,
                "/api/v1/services",
                Map.of("business", owner.businessId(), "name", "Cut", "duration_minutes", 30, "price", "20.00")));
        String provider = expect(
                        200,
                        api.at("/api/v1/businesses/" + owner.businessId() + "/staff")
                                .token(owner.token())
                                .get())
                .body()
                .get("results")
                .get(0)
                .get("id")
                .asText();
        String slug = expect(
                        200,
                        api.at("/api/v1/businesses/" + owner.businessId())
                                .token(owner.token())
                                .get())
                .body()
                .get("slug")
                .asText();
        return new World(api, owner, slug, service, provider);
    }

    private static Map<String, Object> everyDay() {
        Map<String, Object> week = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day.name().toLowerCase(Locale.ROOT), List.of(Map.of("opens", "08:00", "closes", "20:00")));
        }
        return Map.copyOf(week);
    }

    /** Adds a registered user in this role (invited, and accepting); staff also become a provider of their own. */
    World withMember(Role role, LiveApi.Account user) {
        if (role == Role.OWNER) {
            throw new IllegalArgumentException("the world's owner is its registrant");
        }
        join(user, role.code());
        members.put(role, user);
        if (role == Role.STAFF) {
            staffProvider = created(post(
                    api,
                    owner,
                    path("/staff"),
                    Map.of("display_name", "Staff " + user.userId(), "user_id", user.userId())));
        }
        return this;
    }

    /** Registered users to add as members where a test changes or removes one. */
    World withSpares(List<LiveApi.Account> users) {
        spares.addAll(users);
        return this;
    }

    LiveApi.Account member(Role role) {
        LiveApi.Account account = members.get(role);
        if (account == null) {
            throw new IllegalStateException("no " + role + " in this world");
        }
        return account;
    }

    /** The provider whose agenda this actor looks after: staff their own, anyone else the owner's. */
    String providerOf(Role actor) {
        return actor == Role.STAFF ? staffProvider : ownerProvider;
    }

    String path(String rest) {
        return "/api/v1/businesses/" + id + rest;
    }

    int next() {
        return sequence.incrementAndGet();
    }

    /** A local start time nobody else in this world has used: each call takes the next half hour. */
    String freshStart() {
        int n = next();
        LocalDate day = FIRST_DAY.plusDays(n / SLOTS_A_DAY);
        LocalTime time = LocalTime.of(8, 0).plusMinutes(30L * (n % SLOTS_A_DAY));
        return day + "T" + time;
    }

    /** A date, far past every booking, that no other call of this world uses. */
    String freshDate() {
        return FIRST_DAY.plusDays(FAR_OFF_DAYS + next()).toString();
    }

    String freshPhone() {
        return "+3461%07d".formatted(next());
    }

    String freshService() {
        return created(post(
                api,
                owner,
                "/api/v1/services",
                Map.of("business", id, "name", "Service " + next(), "duration_minutes", 30, "price", "10.00")));
    }

    String freshCategory() {
        return created(
                post(api, owner, "/api/v1/service-categories", Map.of("business", id, "name", "Category " + next())));
    }

    String freshClient() {
        return created(
                post(api, owner, "/api/v1/clients", Map.of("business", id, "name", "Client", "phone", freshPhone())));
    }

    String freshProvider() {
        return created(post(api, owner, path("/staff"), Map.of("display_name", "Provider " + next())));
    }

    String freshInvitation() {
        return expect(
                        202,
                        post(
                                api,
                                owner,
                                path("/members"),
                                Map.of("email", "invitee" + next() + "@example.com", "role", "viewer")))
                .body()
                .get("id")
                .asText();
    }

    /** A registered user added as a viewer, to change or remove. */
    String freshMember() {
        LiveApi.Account spare = spares.pop();
        join(spare, "viewer");
        return spare.userId();
    }

    /** The owner invites the user, who accepts: the only way anyone joins a business. */
    private void join(LiveApi.Account user, String role) {
        String invitation = expect(202, post(api, owner, path("/members"), Map.of("email", user.email(), "role", role)))
                .body()
                .get("id")
                .asText();
        expect(200, post(api, user, "/api/v1/invitations/" + invitation + "/accept", Map.of()));
    }

    String freshAppointment(String provider) {
        return created(post(
                api,
                owner,
                "/api/v1/appointments",
                Map.of(
                        "business", id,
                        "service", service,
                        "start", freshStart(),
                        "provider", provider,
                        "client", Map.of("name", "Client", "phone", freshPhone()))));
    }

    /** Booked by the owner for a service asking a 5.00 deposit: nothing is asked of a booking made by staff. */
    String freshDepositAppointment() {
        if (depositService == null) {
            depositService = created(post(
                    api,
                    owner,
                    "/api/v1/services",
                    Map.of(
                            "business", id,
                            "name", "Colour",
                            "duration_minutes", 30,
                            "price", "40.00",
                            "deposit", "5.00")));
        }
        return created(post(
                api,
                owner,
                "/api/v1/appointments",
                Map.of(
                        "business", id,
                        "service", depositService,
                        "start", freshStart(),
                        "provider", ownerProvider,
                        "client", Map.of("name", "Client", "phone", freshPhone()))));
    }

    /**
     * A deposit of 15.00 paid through Stripe for a fresh appointment, written below the API: only Stripe's news makes a
     * payment paid, and this business never connected an account. Stripe's stand-in knows neither its account nor its
     * payment, so a refund of it is asked and refused there (recorded as failed). Answers its id.
     */
    String paidPayment() {
        String appointment = freshAppointment(ownerProvider);
        String payment = UUID.randomUUID().toString();
        api.execute("insert into payments (business_id, id, appointment_id, kind, method, amount, refunded, currency, "
                + "status, stripe_account, payment_intent, created_at, updated_at) values ('" + id + "', '" + payment
                + "', '" + appointment + "', 'deposit', 'stripe', 15, 0, 'EUR', 'paid', 'acct_world', 'pi_" + payment
                + "', now(), now())");
        return payment;
    }

    /**
     * The business's own Stripe account connected and onboarded through Stripe's stand-in, as its owner would on
     * Stripe's pages: from now on it asks clients for the deposits its services name.
     */
    World connectedToStripe() {
        String back = api.publicUrl() + "/dashboard/" + slug + "/settings/payments";
        String onboarding = expect(
                        200,
                        post(
                                api,
                                owner,
                                path("/payment-settings/connect"),
                                Map.of("return_url", back + "?connected=1", "refresh_url", back)))
                .body()
                .get("url")
                .asText();
        var finished = OnStripe.press(onboarding);
        if (finished.statusCode() != 303) {
            throw new IllegalStateException("onboarding was not finished: " + finished.body());
        }
        // Stripe's account.updated reached the webhook before it sent the owner back
        if (!expect(200, api.at(path("/payment-settings")).token(owner.token()).get())
                .body()
                .get("charges_enabled")
                .asBoolean()) {
            throw new IllegalStateException("the business does not take payments after onboarding");
        }
        return this;
    }

    /** A new 30-minute service asking {@code deposit} to keep its time; answers its id. */
    String depositService(String name, String deposit) {
        return created(post(
                api,
                owner,
                "/api/v1/services",
                Map.of(
                        "business", id,
                        "name", name,
                        "duration_minutes", 30,
                        "price", "40.00",
                        "deposit", deposit)));
    }

    /** Booked through the API, then moved into the past below it: the API rightly refuses to book the past. */
    String startedAppointment(String provider) {
        String appointment = freshAppointment(provider);
        int hoursAgo = 2 + 2 * next();
        api.execute("with shift as (select starts_at - (date_trunc('hour', now()) - interval '" + hoursAgo
                + " hours') as by from appointments where id = '" + appointment + "') "
                + "update appointments set starts_at = starts_at - shift.by, ends_at = ends_at - shift.by, "
                + "blocked_from = blocked_from - shift.by, blocked_until = blocked_until - shift.by "
                + "from shift where id = '" + appointment + "'");
        return appointment;
    }

    /** A closed day, business-wide ({@code provider} null) or for one provider; answers its date. */
    String freshSpecialDay(String provider) {
        String date = freshDate();
        String where =
                provider == null ? path("/special-days/" + date) : path("/staff/" + provider + "/special-days/" + date);
        expect(200, put(api, owner, where, Map.of("reason", "closed")));
        return date;
    }

    /** A call the voice platform told us about, on a number this world now answers on; answers its id. */
    String heardCall() {
        if (voiceNumber == null) {
            voiceNumber = "+3491%07d".formatted(NUMBERS.incrementAndGet());
            expect(
                    200,
                    api.at("/api/v1/vapi/configs/" + id)
                            .token(owner.token())
                            .raw("PATCH", "{\"line_ids\": [\"line-" + voiceNumber + "\"]}", "application/json"));
        }
        String call = "call-" + id + "-" + next();
        String report = "{\"message\": {\"type\": \"status-update\", \"status\": \"in-progress\", "
                + "\"call\": {\"id\": \"" + call + "\"}, \"phoneNumber\": {\"number\": \"" + voiceNumber + "\"}}}";
        expect(
                200,
                api.at("/api/v1/vapi/webhook")
                        .header("x-vapi-secret", LiveApi.VAPI_SECRET)
                        .raw("POST", report, "application/json"));
        return call;
    }

    String freshTimeOff(String provider) {
        String date = freshDate();
        return created(post(
                api,
                owner,
                path("/staff/" + provider + "/time-off"),
                Map.of("from", date + "T10:00", "to", date + "T11:00", "reason", "errand")));
    }

    private static ApiClient.Response post(LiveApi api, LiveApi.Account as, String path, Object body) {
        return api.at(path).token(as.token()).post(body);
    }

    private static ApiClient.Response put(LiveApi api, LiveApi.Account as, String path, Object body) {
        return api.at(path).token(as.token()).put(body);
    }

    private static String created(ApiClient.Response response) {
        return expect(201, response).body().get("id").asText();
    }

    private static ApiClient.Response expect(int status, ApiClient.Response response) {
        if (response.status() != status) {
            throw new IllegalStateException(
                    "setup expected " + status + ", got " + response.status() + ": " + response.raw());
        }
        return response;
    }

    private boolean customer;

    /**
     * This world's business as the platform's Stripe customer, made once by its owner's way to a Checkout page: what
     * the billing portal needs. On a server without Stripe ({@link LiveApi#withStripe} makes one with it) there is no
     * customer to make, and the portal answers that there is nothing to manage.
     */
    World customer() {
        if (!customer && api.billsBusinesses()) {
            expect(200, post(api, owner, path("/billing/checkout"), Map.of("plan", "pro")));
            customer = true;
        }
        return this;
    }
}
