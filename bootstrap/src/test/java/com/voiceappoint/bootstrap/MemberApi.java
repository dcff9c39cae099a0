package com.voiceappoint.bootstrap;

import com.voiceappoint.bootstrap.World.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Every route a logged-in member calls, as the matrices drive it: the route as documented, the least role PRODUCT.md
 * §3 lets call it (staff also on their own agenda where marked), and a call on fresh things of a world, valid in every
 * respect but who makes it.
 */
final class MemberApi {
    private MemberApi() {}

    record Call(String method, String path, Map<String, Object> body) {}

    /**
     * @param invalid fields a careful client would still get wrong (a bad zone, a past time), each laid over the valid
     *     body and refused
     * @param bodyRequired whether an empty object lacks required fields
     */
    record Route(
            String method,
            String documented,
            Role least,
            boolean staffOwn,
            boolean bodyRequired,
            List<Map<String, Object>> invalid,
            BiFunction<World, Role, Call> call) {

        boolean allows(Role actor) {
            return actor.ordinal() <= least.ordinal() || (staffOwn && actor == Role.STAFF);
        }

        boolean writes() {
            return !method.equals("GET");
        }

        String name() {
            return method + " " + documented;
        }
    }

    private static Route read(String documented, BiFunction<World, Role, String> path) {
        return new Route(
                "GET",
                documented,
                Role.VIEWER,
                false,
                false,
                List.of(),
                (w, r) -> new Call("GET", path.apply(w, r), null));
    }

    private static Route write(
            String method,
            String documented,
            Role least,
            boolean staffOwn,
            boolean bodyRequired,
            List<Map<String, Object>> invalid,
            BiFunction<World, Role, Call> call) {
        return new Route(method, documented, least, staffOwn, bodyRequired, invalid, call);
    }

    private static Call call(String method, String path, Map<String, Object> body) {
        return new Call(method, path, body);
    }

    /** Monday's hours only: enough for the refusals, which never reach the store. */
    private static Map<String, Object> weekOf(String opens, String closes) {
        return Map.of("hours", Map.of("monday", List.of(Map.of("opens", opens, "closes", closes))));
    }

    /** The world's own hours again, every day: writing them keeps every later booking possible. */
    private static Map<String, Object> openEveryDay() {
        return Map.of("hours", World.EVERY_DAY);
    }

    static final List<Route> ROUTES = List.of(
            read("/api/v1/businesses/{id}", (w, r) -> w.path("")),
            read("/api/v1/businesses/{id}/dashboard-config", (w, r) -> w.path("/dashboard-config")),
            read("/api/v1/businesses/{id}/onboarding", (w, r) -> w.path("/onboarding")),
            read("/api/v1/businesses/{id}/members", (w, r) -> w.path("/members")),
            read("/api/v1/businesses/{id}/invitations", (w, r) -> w.path("/invitations")),
            read("/api/v1/businesses/{id}/hours", (w, r) -> w.path("/hours")),
            read("/api/v1/businesses/{id}/special-days", (w, r) -> w.path("/special-days")),
            read("/api/v1/businesses/{id}/staff", (w, r) -> w.path("/staff")),
            read(
                    "/api/v1/businesses/{id}/staff/{provider}/hours",
                    (w, r) -> w.path("/staff/" + w.ownerProvider + "/hours")),
            read("/api/v1/businesses/{id}/time-off", (w, r) -> w.path("/time-off")),
            read("/api/v1/services", (w, r) -> "/api/v1/services?business=" + w.id),
            read("/api/v1/services/{id}", (w, r) -> "/api/v1/services/" + w.service),
            read("/api/v1/service-categories", (w, r) -> "/api/v1/service-categories?business=" + w.id),
            read("/api/v1/clients", (w, r) -> "/api/v1/clients?business=" + w.id),
            read("/api/v1/clients/{id}", (w, r) -> "/api/v1/clients/" + w.freshClient()),
            read("/api/v1/appointments", (w, r) -> "/api/v1/appointments?business=" + w.id),
            read("/api/v1/appointments/{id}", (w, r) -> "/api/v1/appointments/" + w.freshAppointment(w.ownerProvider)),
            read(
                    "/api/v1/appointments/availability",
                    (w, r) -> "/api/v1/appointments/availability?business=" + w.id + "&service=" + w.service + "&date="
                            + w.freshStart().substring(0, 10)),
            write(
                    "PATCH",
                    "/api/v1/businesses/{id}",
                    Role.ADMIN,
                    false,
                    false,
                    List.of(
                            Map.of("timezone", "Mars/Olympus_Mons"),
                            Map.of("currency", "EURO"),
                            Map.of("language", "tlh"),
                            Map.of("slot_step_minutes", -15),
                            Map.of("maximum_advance_days", 100_000)),
                    (w, r) -> call("PATCH", w.path(""), Map.of("name", "Renamed " + w.next()))),
            write(
                    "PATCH",
                    "/api/v1/businesses/{id}/dashboard-config",
                    Role.ADMIN,
                    false,
                    false,
                    List.of(Map.of("first_day_of_week", 9), Map.of("default_view", "galaxy")),
                    (w, r) -> call("PATCH", w.path("/dashboard-config"), Map.of("show_cancelled", true))),
            write(
                    "PATCH",
                    "/api/v1/businesses/{id}/onboarding",
                    Role.ADMIN,
                    false,
                    true,
                    List.of(Map.of("steps", Map.of("world_domination", true))),
                    (w, r) -> call("PATCH", w.path("/onboarding"), Map.of("steps", Map.of("payments", true)))),
            write(
                    "POST",
                    "/api/v1/businesses/{id}/members",
                    Role.ADMIN,
                    false,
                    true,
                    List.of(
                            Map.of("email", "someone@example.com", "role", "emperor"),
                            Map.of("email", "not an address", "role", "viewer")),
                    (w, r) -> call(
                            "POST",
                            w.path("/members"),
                            Map.of("email", "invited" + w.next() + "@example.com", "role", "viewer"))),
            // inviting an owner is the owners' own decision
            write(
                    "POST",
                    "/api/v1/businesses/{id}/members",
                    Role.OWNER,
                    false,
                    true,
                    List.of(),
                    (w, r) -> call(
                            "POST",
                            w.path("/members"),
                            Map.of("email", "partner" + w.next() + "@example.com", "role", "owner"))),
            write(
                    "PATCH",
                    "/api/v1/businesses/{id}/members/{user}",
                    Role.ADMIN,
                    false,
                    true,
                    List.of(Map.of("role", "emperor")),
                    (w, r) -> call("PATCH", w.path("/members/" + w.freshMember()), Map.of("role", "manager"))),
            // making someone an owner is the owners' own decision
            write(
                    "PATCH",
                    "/api/v1/businesses/{id}/members/{user}",
                    Role.OWNER,
                    false,
                    true,
                    List.of(),
                    (w, r) -> call("PATCH", w.path("/members/" + w.freshMember()), Map.of("role", "owner"))),
            write(
                    "DELETE",
                    "/api/v1/businesses/{id}/members/{user}",
                    Role.ADMIN,
                    false,
                    false,
                    List.of(),
                    (w, r) -> call("DELETE", w.path("/members/" + w.freshMember()), null)),
            write(
                    "DELETE",
                    "/api/v1/businesses/{id}/invitations/{invitation}",
                    Role.ADMIN,
                    false,
                    false,
                    List.of(),
                    (w, r) -> call("DELETE", w.path("/invitations/" + w.freshInvitation()), null)),
            write(
                    "POST",
                    "/api/v1/services",
                    Role.MANAGER,
                    false,
                    true,
                    List.of(
                            Map.of(
                                    "business",
                                    UUID.randomUUID().toString(),
                                    "name",
                                    "X",
                                    "duration_minutes",
                                    30,
                                    "price",
                                    1),
                            Map.of("name", "X", "duration_minutes", -30, "price", 1),
                            Map.of("name", "X", "duration_minutes", 30, "price", -1),
                            Map.of("name", "X", "duration_minutes", 30, "price", "1e400")),
                    (w, r) -> call(
                            "POST",
                            "/api/v1/services",
                            Map.of(
                                    "business",
                                    w.id,
                                    "name",
                                    "New " + w.next(),
                                    "duration_minutes",
                                    45,
                                    "price",
                                    "30"))),
            write(
                    "PATCH",
                    "/api/v1/services/{id}",
                    Role.MANAGER,
                    false,
                    false,
                    List.of(Map.of("duration_minutes", 0), Map.of("price", "-5"), Map.of("category", "not-a-category")),
                    (w, r) -> call("PATCH", "/api/v1/services/" + w.freshService(), Map.of("price", "12.50"))),
            write(
                    "DELETE",
                    "/api/v1/services/{id}",
                    Role.MANAGER,
                    false,
                    false,
                    List.of(),
                    (w, r) -> call("DELETE", "/api/v1/services/" + w.freshService(), null)),
            write(
                    "POST",
                    "/api/v1/service-categories",
                    Role.MANAGER,
                    false,
                    true,
                    List.of(),
                    (w, r) -> call(
                            "POST",
                            "/api/v1/service-categories",
                            Map.of("business", w.id, "name", "Category " + w.next()))),
            write(
                    "PATCH",
                    "/api/v1/service-categories/{id}",
                    Role.MANAGER,
                    false,
                    false,
                    List.of(Map.of("name", "  ")),
                    (w, r) -> call("PATCH", "/api/v1/service-categories/" + w.freshCategory(), Map.of("position", 3))),
            write(
                    "DELETE",
                    "/api/v1/service-categories/{id}",
                    Role.MANAGER,
                    false,
                    false,
                    List.of(),
                    (w, r) -> call("DELETE", "/api/v1/service-categories/" + w.freshCategory(), null)),
            write(
                    "PUT",
                    "/api/v1/businesses/{id}/hours",
                    Role.MANAGER,
                    false,
                    true,
                    List.of(
                            weekOf("18:00", "09:00"),
                            weekOf("25:00", "26:00"),
                            weekOf("nine", "five"),
                            Map.of("hours", Map.of("funday", List.of()))),
                    (w, r) -> call("PUT", w.path("/hours"), openEveryDay())),
            write(
                    "PUT",
                    "/api/v1/businesses/{id}/special-days/{date}",
                    Role.MANAGER,
                    false,
                    false,
                    List.of(Map.of("windows", List.of(Map.of("opens", "12:00", "closes", "10:00")))),
                    (w, r) -> call("PUT", w.path("/special-days/" + w.freshDate()), Map.of("reason", "holiday"))),
            write(
                    "DELETE",
                    "/api/v1/businesses/{id}/special-days/{date}",
                    Role.MANAGER,
                    false,
                    false,
                    List.of(),
                    (w, r) -> call("DELETE", w.path("/special-days/" + w.freshSpecialDay(null)), null)),
            write(
                    "POST",
                    "/api/v1/businesses/{id}/staff",
                    Role.MANAGER,
                    false,
                    true,
                    List.of(Map.of(
                            "display_name",
                            "Ghost",
                            "user_id",
                            UUID.randomUUID().toString())),
                    (w, r) -> call("POST", w.path("/staff"), Map.of("display_name", "New " + w.next()))),
            write(
                    "PATCH",
                    "/api/v1/businesses/{id}/staff/{provider}",
                    Role.MANAGER,
                    false,
                    false,
                    List.of(Map.of("display_name", "")),
                    (w, r) -> call("PATCH", w.path("/staff/" + w.freshProvider()), Map.of("display_name", "Renamed"))),
            write(
                    "PUT",
                    "/api/v1/businesses/{id}/staff/{provider}/hours",
                    Role.MANAGER,
                    true,
                    false,
                    List.of(weekOf("18:00", "09:00")),
                    (w, r) -> call("PUT", w.path("/staff/" + w.providerOf(r) + "/hours"), openEveryDay())),
            // staff look after their own agenda only
            write(
                    "PUT",
                    "/api/v1/businesses/{id}/staff/{provider}/hours",
                    Role.MANAGER,
                    false,
                    false,
                    List.of(),
                    (w, r) -> call("PUT", w.path("/staff/" + w.ownerProvider + "/hours"), openEveryDay())),
            write(
                    "PUT",
                    "/api/v1/businesses/{id}/staff/{provider}/special-days/{date}",
                    Role.MANAGER,
                    true,
                    false,
                    List.of(),
                    (w, r) -> call(
                            "PUT",
                            w.path("/staff/" + w.providerOf(r) + "/special-days/" + w.freshDate()),
                            Map.of("reason", "day off"))),
            write(
                    "DELETE",
                    "/api/v1/businesses/{id}/staff/{provider}/special-days/{date}",
                    Role.MANAGER,
                    true,
                    false,
                    List.of(),
                    (w, r) -> call(
                            "DELETE",
                            w.path("/staff/" + w.providerOf(r) + "/special-days/" + w.freshSpecialDay(w.providerOf(r))),
                            null)),
            write(
                    "POST",
                    "/api/v1/businesses/{id}/staff/{provider}/time-off",
                    Role.MANAGER,
                    true,
                    true,
                    List.of(
                            Map.of("from", "2030-01-02T10:00", "to", "2030-01-02T09:00"),
                            Map.of("from", "yesterday", "to", "today")),
                    (w, r) -> {
                        String date = w.freshDate();
                        return call(
                                "POST",
                                w.path("/staff/" + w.providerOf(r) + "/time-off"),
                                Map.of("from", date + "T12:00", "to", date + "T13:00", "reason", "errand"));
                    }),
            write(
                    "DELETE",
                    "/api/v1/businesses/{id}/time-off/{time_off}",
                    Role.MANAGER,
                    true,
                    false,
                    List.of(),
                    (w, r) -> call("DELETE", w.path("/time-off/" + w.freshTimeOff(w.providerOf(r))), null)),
            write(
                    "POST",
                    "/api/v1/clients",
                    Role.MANAGER,
                    false,
                    true,
                    List.of(Map.of("name", "X", "phone", "12"), Map.of("name", "X", "email", "not-an-address")),
                    (w, r) -> call(
                            "POST",
                            "/api/v1/clients",
                            Map.of("business", w.id, "name", "Ana", "phone", w.freshPhone()))),
            write(
                    "PATCH",
                    "/api/v1/clients/{id}",
                    Role.MANAGER,
                    false,
                    false,
                    List.of(Map.of("phone", "12"), Map.of("email", "@")),
                    (w, r) -> call("PATCH", "/api/v1/clients/" + w.freshClient(), Map.of("name", "Ana María"))),
            write(
                    "POST",
                    "/api/v1/appointments",
                    Role.MANAGER,
                    true,
                    true,
                    List.of(
                            Map.of("start", "2020-01-07T10:00"),
                            Map.of("start", "2027-03-28T02:30"),
                            Map.of("client", Map.of("name", "X", "phone", "12")),
                            Map.of("service", UUID.randomUUID().toString()),
                            Map.of("source", "voice")),
                    (w, r) -> call(
                            "POST",
                            "/api/v1/appointments",
                            Map.of(
                                    "business", w.id,
                                    "service", w.service,
                                    "start", w.freshStart(),
                                    "provider", w.providerOf(r),
                                    "client", Map.of("name", "Eva", "phone", w.freshPhone())))),
            write(
                    "POST",
                    "/api/v1/appointments/{id}/cancel",
                    Role.MANAGER,
                    true,
                    false,
                    List.of(),
                    (w, r) -> call(
                            "POST",
                            "/api/v1/appointments/" + w.freshAppointment(w.providerOf(r)) + "/cancel",
                            Map.of("reason", "client phoned"))),
            write(
                    "POST",
                    "/api/v1/appointments/{id}/cancel",
                    Role.MANAGER,
                    false,
                    false,
                    List.of(),
                    (w, r) -> call(
                            "POST",
                            "/api/v1/appointments/" + w.freshAppointment(w.ownerProvider) + "/cancel",
                            Map.of())),
            write(
                    "POST",
                    "/api/v1/appointments/{id}/reschedule",
                    Role.MANAGER,
                    true,
                    true,
                    List.of(Map.of("start", "2020-01-07T10:00"), Map.of("start", "soon")),
                    (w, r) -> call(
                            "POST",
                            "/api/v1/appointments/" + w.freshAppointment(w.providerOf(r)) + "/reschedule",
                            Map.of("start", w.freshStart()))),
            write(
                    "POST",
                    "/api/v1/appointments/{id}/complete",
                    Role.MANAGER,
                    true,
                    false,
                    List.of(),
                    (w, r) -> call(
                            "POST",
                            "/api/v1/appointments/" + w.startedAppointment(w.providerOf(r)) + "/complete",
                            null)),
            write(
                    "POST",
                    "/api/v1/appointments/{id}/no-show",
                    Role.MANAGER,
                    true,
                    false,
                    List.of(),
                    (w, r) -> call(
                            "POST",
                            "/api/v1/appointments/" + w.startedAppointment(w.providerOf(r)) + "/no-show",
                            null)),
            read("/api/v1/analytics/overview", (w, r) -> "/api/v1/analytics/overview?business=" + w.id),
            read("/api/v1/notifications", (w, r) -> "/api/v1/notifications?business=" + w.id),
            read("/api/v1/notifications/replies", (w, r) -> "/api/v1/notifications/replies?business=" + w.id),
            read("/api/v1/businesses/{id}/notification-settings", (w, r) -> w.path("/notification-settings")),
            // only ever sent by a stranger here (a 404 ends at once); the stream itself has LiveEventsEndToEndTest
            read("/api/v1/businesses/{id}/events", (w, r) -> w.path("/events")),
            // writes nothing: any member may ask for a pass to the stream they may read
            write(
                    "POST",
                    "/api/v1/businesses/{id}/events/tickets",
                    Role.VIEWER,
                    false,
                    false,
                    List.of(),
                    (w, r) -> call("POST", w.path("/events/tickets"), null)),
            write(
                    "PATCH",
                    "/api/v1/businesses/{id}/notification-settings",
                    Role.ADMIN,
                    false,
                    false,
                    List.of(
                            Map.of("reminder_lead_minutes", List.of(5)),
                            Map.of("reply_to", "not an address"),
                            Map.of("channels", Map.of("staff_new_booking", List.of("sms")))),
                    (w, r) -> call(
                            "PATCH",
                            w.path("/notification-settings"),
                            Map.of("reminder_lead_minutes", List.of(60), "sender_name", "Salón " + r))),
            read("/api/v1/vapi/configs/{business}", (w, r) -> "/api/v1/vapi/configs/" + w.id),
            read("/api/v1/vapi/calls", (w, r) -> "/api/v1/vapi/calls?business=" + w.id),
            read("/api/v1/vapi/transcripts/{call_id}", (w, r) -> "/api/v1/vapi/transcripts/" + w.heardCall()),
            write(
                    "PATCH",
                    "/api/v1/vapi/configs/{business}",
                    Role.ADMIN,
                    false,
                    false,
                    List.of(
                            Map.of("numbers", List.of("12")),
                            Map.of("language", "tlh"),
                            Map.of("line_ids", List.of("")),
                            Map.of("numbers", List.of("+34910000001", "+34910000001")),
                            Map.of("transfer_number", "12"),
                            Map.of("faq", List.of(Map.of("question", " ", "answer", "Sí."))),
                            Map.of("description", "x".repeat(2001))),
                    (w, r) -> call(
                            "PATCH",
                            "/api/v1/vapi/configs/" + w.id,
                            Map.of(
                                    "greeting",
                                    "Hola " + w.next(),
                                    "faq",
                                    List.of(Map.of("question", "¿Tenéis parking?", "answer", "Sí."))))),
            write(
                    "POST",
                    "/api/v1/vapi/businesses/{id}/calls/outbound",
                    Role.MANAGER,
                    false,
                    true,
                    List.of(Map.of("number", "12"), Map.of("number", "+1")),
                    (w, r) -> call(
                            "POST",
                            "/api/v1/vapi/businesses/" + w.id + "/calls/outbound",
                            Map.of("number", w.freshPhone(), "name", "Ana"))),
            read("/api/v1/payments", (w, r) -> "/api/v1/payments?business=" + w.id),
            read("/api/v1/businesses/{id}/payment-settings", (w, r) -> w.path("/payment-settings")),
            write(
                    "POST",
                    "/api/v1/payments/{id}/refunds",
                    Role.MANAGER,
                    false,
                    false,
                    List.of(Map.of("amount", "-5"), Map.of("amount", "5.001"), Map.of("amount", "1e400")),
                    (w, r) -> call(
                            "POST",
                            "/api/v1/payments/" + w.paidPayment() + "/refunds?business=" + w.id,
                            Map.of("amount", "5.00"))),
            write(
                    "POST",
                    "/api/v1/appointments/{id}/deposit-in-person",
                    Role.MANAGER,
                    false,
                    false,
                    List.of(),
                    (w, r) -> call(
                            "POST",
                            "/api/v1/appointments/" + w.freshDepositAppointment() + "/deposit-in-person",
                            null)),
            write(
                    "PATCH",
                    "/api/v1/businesses/{id}/payment-settings",
                    Role.ADMIN,
                    false,
                    false,
                    List.of(
                            Map.of("payment_window_minutes", 29),
                            Map.of("payment_window_minutes", 1381),
                            Map.of("refund_percent", 101)),
                    (w, r) -> call("PATCH", w.path("/payment-settings"), Map.of("refund_percent", 50))),
            // allowed roles get a link only from a server that takes payments: LiveApi.withStripe
            write(
                    "POST",
                    "/api/v1/businesses/{id}/payment-settings/connect",
                    Role.ADMIN,
                    false,
                    true,
                    List.of(Map.of("return_url", "javascript:alert(1)"), Map.of("refresh_url", "/relative")),
                    (w, r) -> call(
                            "POST",
                            w.path("/payment-settings/connect"),
                            Map.of(
                                    "return_url",
                                    "https://app.example/settings/payments",
                                    "refresh_url",
                                    "https://app.example/settings/payments?again=1"))),
            write(
                    "POST",
                    "/api/v1/businesses/{id}/payment-settings/refresh",
                    Role.ADMIN,
                    false,
                    false,
                    List.of(),
                    (w, r) -> call("POST", w.path("/payment-settings/refresh"), null)),
            read("/api/v1/businesses/{id}/billing", (w, r) -> w.path("/billing")),
            write(
                    "POST",
                    "/api/v1/businesses/{id}/billing/checkout",
                    Role.ADMIN,
                    false,
                    true,
                    List.of(Map.of("plan", "free"), Map.of("plan", "gold"), Map.of("plan", "")),
                    (w, r) -> call("POST", w.path("/billing/checkout"), Map.of("plan", "pro"))),
            // a business that became a customer has a portal: the owner's way to the Checkout page made it one
            write(
                    "POST",
                    "/api/v1/businesses/{id}/billing/portal",
                    Role.ADMIN,
                    false,
                    false,
                    List.of(),
                    (w, r) -> call("POST", w.customer().path("/billing/portal"), null)),
            // last: it takes the world with it
            write(
                    "DELETE",
                    "/api/v1/businesses/{id}",
                    Role.OWNER,
                    false,
                    false,
                    List.of(),
                    (w, r) -> call("DELETE", w.path(""), null)));
}
