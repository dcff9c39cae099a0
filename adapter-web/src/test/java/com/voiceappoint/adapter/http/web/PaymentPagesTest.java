package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.in.PaymentsUseCase;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentMethod;
import com.voiceappoint.domain.payment.PaymentStatus;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.testkit.RecordingPaymentGateway;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The payment pages over a socket, with a recording Stripe behind the application: a client booking a service with a
 * deposit goes on to Stripe's page and comes back to the deposit's own, which says where it stands; the owner connects
 * the business's Stripe account and sets how deposits work; and the appointment's page shows its payments, gives money
 * back and records a deposit taken in person, for those who look after every appointment only.
 */
class PaymentPagesTest {
    private static final MovableClock CLOCK = new MovableClock(WebServer.NOW);
    private static final OnboardingStripe STRIPE = new OnboardingStripe();

    @RegisterExtension
    static final WebServer SERVER = WebServer.takingPayments(STRIPE, CLOCK);

    /** The same pages on a server without Stripe. */
    @RegisterExtension
    static final WebServer NO_STRIPE = new WebServer();

    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    /** A salon open at all hours, with a colour that asks a 15 € deposit, taking payments through its own account. */
    private record DepositSalon(OpenSalon salon, ServiceId colour, String account) {
        String pay(Payment payment) {
            return "/" + salon.slug + "/pay/" + payment.id().value();
        }
    }

    private static DepositSalon depositSalon() {
        OpenSalon salon = OpenSalon.open(SERVER);
        ServiceId colour = salon.uses
                .createService()
                .create(CreateServiceUseCase.Command.builder(
                                salon.owner, salon.id, "Color", 60, new BigDecimal("50.00"))
                        .deposit(Optional.of(new BigDecimal("15.00")))
                        .build())
                .id();
        URI back = URI.create(WebServer.PUBLIC_URL + salon.at("settings/payments"));
        salon.uses.payments().connect(salon.owner, salon.id, back, back);
        String account = salon.uses
                .payments()
                .setup(salon.owner, salon.id)
                .settings()
                .account()
                .orElseThrow();
        STRIPE.stripe.accountIs(account, true);
        salon.uses.payments().refreshAccount(salon.owner, salon.id);
        return new DepositSalon(salon, colour, account);
    }

    /** A week from the test's now, at {@code hour}:00 in Madrid: always bookable, whatever the clock did. */
    private static String nextWeekAt(int hour) {
        return CLOCK.instant()
                .plus(Duration.ofDays(7))
                .atZone(ZoneId.of("Europe/Madrid"))
                .withHour(hour)
                .withMinute(0)
                .withSecond(0)
                .withNano(0)
                .toInstant()
                .toString();
    }

    /** A moment as the salon's clocks show it: {@code 09:31}. */
    private static String madrid(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(ZoneId.of("Europe/Madrid")));
    }

    /** Books the colour on the public page as a browser without JavaScript: the answer to the last step. */
    private static Browser.Page book(Browser client, DepositSalon s, String start, Optional<ProviderId> provider) {
        String details = "/" + s.salon.slug + "/book?service=" + s.colour.value() + "&start=" + start
                + provider.map(p -> "&provider=" + p.value()).orElse("");
        Browser.Page form = client.get(details);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).as("the last step says a deposit is asked").containsPattern("depósito de 15,00\\h€");
        Matcher key = KEY.matcher(form.body());
        assertThat(key.find()).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("service", s.colour.value().toString());
        provider.ifPresent(p -> fields.put("provider", p.value().toString()));
        fields.put("start", start);
        fields.put("key", key.group(1));
        fields.put("name", "Marta Ruiz");
        fields.put("phone", "+34600" + (100000 + CLIENTS.incrementAndGet()));
        fields.put("email", "");
        return client.post("/" + s.salon.slug + "/book", fields);
    }

    /** The deposit of the appointment booked last at the salon, as the application keeps it. */
    private static Payment lastDeposit(DepositSalon s) {
        return onlyDeposit(s, lastAppointment(s));
    }

    private static AppointmentId lastAppointment(DepositSalon s) {
        PaymentGateway.CheckoutRequest asked = STRIPE.stripe.checkouts().stream()
                .filter(c -> c.metadata().get("business_id").equals(s.salon.id.toString()))
                .reduce((first, later) -> later)
                .orElseThrow();
        return new AppointmentId(UUID.fromString(asked.metadata().get("appointment_id")));
    }

    private static Payment onlyDeposit(DepositSalon s, AppointmentId appointment) {
        return payments(s, appointment).stream()
                .filter(p -> p.method() == PaymentMethod.STRIPE)
                .findFirst()
                .orElseThrow();
    }

    private static List<Payment> payments(DepositSalon s, AppointmentId appointment) {
        return s.salon.uses.payments().payments(s.salon.owner, s.salon.id, Optional.of(appointment), 1).stream()
                .map(PaymentsUseCase.PaymentRecord::payment)
                .toList();
    }

    /** Stripe tells the application the client paid on its page. */
    private static void paid(DepositSalon s, Payment deposit) {
        Payment opened = s
                .salon
                .uses
                .payments()
                .payments(s.salon.owner, s.salon.id, Optional.of(deposit.appointmentId()), 1)
                .stream()
                .map(PaymentsUseCase.PaymentRecord::payment)
                .filter(p -> p.id().equals(deposit.id()))
                .findFirst()
                .orElseThrow();
        assertThat(s.salon
                        .uses
                        .paymentEvents()
                        .apply(new PaymentEventsUseCase.CheckoutCompleted(
                                "evt_" + UUID.randomUUID(),
                                Optional.of(s.account),
                                opened.checkoutSession().orElseThrow(),
                                Optional.of(opened.id()),
                                Optional.of("pi_" + UUID.randomUUID()),
                                Optional.of(opened.amount()),
                                true)))
                .isEqualTo(PaymentEventsUseCase.Outcome.APPLIED);
    }

    private static AppointmentStatus status(DepositSalon s, AppointmentId appointment) {
        return s.salon
                .uses
                .appointments()
                .get(s.salon.owner, appointment)
                .appointment()
                .status();
    }

    // --- the client ---

    @Test
    void a_deposit_booking_goes_on_to_stripe_and_the_deposit_page_follows_it_until_it_is_paid() {
        DepositSalon s = depositSalon();
        Browser client = SERVER.browser();
        String business = client.get("/" + s.salon.slug).body();
        assertThat(business)
                .as("the service list says which service asks a deposit")
                .containsPattern("Depósito de 15,00\\h€, que se paga online al reservar");
        assertThat(business.split("class=\"deposit-note\"", -1))
                .as("the haircut asks none")
                .hasSize(2);

        Browser.Page booked = book(client, s, nextWeekAt(10), Optional.empty());

        assertThat(booked.status()).as(booked.body()).isEqualTo(303);
        assertThat(booked.header("Content-Security-Policy").orElseThrow())
                .as("a browser follows a form's redirect only to where form-action lets it")
                .contains(
                        "form-action 'self' https://checkout.stripe.com https://connect.stripe.com https://billing.stripe.com;");
        Payment deposit = lastDeposit(s);
        PaymentGateway.CheckoutRequest asked =
                STRIPE.stripe.checkouts().get(STRIPE.stripe.checkouts().size() - 1);
        assertThat(booked.header("Location")).contains(deposit.checkoutUrl().orElseThrow());
        assertThat(booked.header("Location").orElseThrow()).startsWith("https://checkout.stripe.test/c/pay/");
        assertThat(asked.successUrl()).hasToString(WebServer.PUBLIC_URL + s.pay(deposit) + "?paid=1");
        assertThat(asked.cancelUrl()).hasToString(WebServer.PUBLIC_URL + s.pay(deposit));
        assertThat(asked.amount().amount()).isEqualByComparingTo("15.00");
        assertThat(status(s, deposit.appointmentId())).isEqualTo(AppointmentStatus.PENDING_PAYMENT);
        assertThat(booked.response().headers().allValues("Set-Cookie"))
                .as("the manage link waits for the client on the deposit's page, and is sent nowhere else")
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("va_manage=")
                        .contains("Path=" + s.pay(deposit), "HttpOnly", "SameSite=Lax"));

        // back from Stripe without paying (its cancel link): the time is kept, and the way to pay is there
        Browser.Page open = client.get(s.pay(deposit));
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.header("Cache-Control")).contains("no-store");
        assertThat(open.header("X-Robots-Tag")).contains("noindex");
        assertThat(open.body())
                .contains(
                        "<html lang=\"es\">",
                        "Color",
                        "Tu hora queda guardada hasta las "
                                + madrid(deposit.payBy().orElseThrow()) + ".",
                        "href=\"" + deposit.checkoutUrl().orElseThrow() + "\"",
                        "href=\"/manage/")
                .containsPattern("Pagar 15,00\\h€")
                .doesNotContain("hx-trigger", " style=\"", "onclick=");
        assertThat(SERVER.browser().get(s.pay(deposit) + "?lang=en").body())
                .contains(
                        "Your time is kept for you until "
                                + madrid(deposit.payBy().orElseThrow()) + ".",
                        "Pay €15.00");

        // back from Stripe paid, before Stripe's news: confirming, and asking again every few seconds
        Browser.Page confirming = client.get(s.pay(deposit) + "?paid=1");
        assertThat(confirming.body())
                .contains(
                        "Pago recibido, confirmando…",
                        "hx-get=\"" + s.pay(deposit) + "?paid=1\"",
                        "hx-trigger=\"every 3s\"",
                        "hx-select=\"#deposit-state\"",
                        "role=\"status\"")
                .doesNotContain("checkout.stripe.test");

        paid(s, deposit);

        Browser.Page done = client.get(s.pay(deposit) + "?paid=1");
        assertThat(done.body())
                .contains("Pagado: tu cita está confirmada", "href=\"/manage/")
                .doesNotContain("hx-trigger", "checkout.stripe.test");
        assertThat(status(s, deposit.appointmentId())).isEqualTo(AppointmentStatus.CONFIRMED);
    }

    @Test
    void the_manage_page_of_a_time_kept_for_its_deposit_says_until_when_and_links_to_pay_it() {
        DepositSalon s = depositSalon();
        Browser client = SERVER.browser();
        book(client, s, nextWeekAt(11), Optional.empty());
        Payment deposit = lastDeposit(s);
        String token = client.cookie("va_manage").orElseThrow();

        Browser.Page manage = client.get("/manage/" + token);

        assertThat(manage.body())
                .contains("Pendiente del depósito", "Pendiente de pago", "href=\"" + s.pay(deposit) + "\"")
                .containsPattern("Paga el depósito de 15,00\\h€ antes del [^<]+ a las "
                        + madrid(deposit.payBy().orElseThrow()));
    }

    @Test
    void a_deposit_not_paid_in_time_releases_the_time_and_offers_to_book_the_same_service_again() {
        DepositSalon s = depositSalon();
        Browser client = SERVER.browser();
        book(client, s, nextWeekAt(12), Optional.empty());
        Payment deposit = lastDeposit(s);

        CLOCK.advance(Duration.ofMinutes(45));
        Browser.Page beforeTheSweep = client.get(s.pay(deposit));
        SERVER.useCases().paymentUpkeep().settle();
        Browser.Page afterIt = client.get(s.pay(deposit));

        for (Browser.Page page : List.of(beforeTheSweep, afterIt)) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains(
                            "La hora se ha liberado",
                            "href=\"/" + s.salon.slug + "/book?service=" + s.colour.value() + "\"")
                    .doesNotContain("checkout.stripe.test", "Pagar");
        }
        assertThat(onlyDeposit(s, deposit.appointmentId()).status()).isEqualTo(PaymentStatus.EXPIRED);
    }

    @Test
    void a_deposit_of_an_appointment_cancelled_before_it_was_paid_is_owed_no_more() {
        DepositSalon s = depositSalon();
        Browser client = SERVER.browser();
        book(client, s, nextWeekAt(13), Optional.empty());
        Payment deposit = lastDeposit(s);
        String token = client.cookie("va_manage").orElseThrow();
        client.get("/manage/" + token);

        assertThat(client.post("/manage/" + token + "/cancel", Map.of("reason", ""))
                        .status())
                .isEqualTo(303);

        assertThat(client.get(s.pay(deposit)).body())
                .contains("La cita se ha cancelado", "no debes nada")
                .doesNotContain("checkout.stripe.test");
        assertThat(client.get("/manage/" + token).body()).doesNotContain("Pendiente del depósito");
    }

    @Test
    void a_paid_deposit_of_an_appointment_called_off_in_time_is_said_to_go_back() {
        DepositSalon s = depositSalon();
        Browser client = SERVER.browser();
        book(client, s, nextWeekAt(9), Optional.empty());
        Payment deposit = lastDeposit(s);
        paid(s, deposit);
        String token = client.cookie("va_manage").orElseThrow();
        client.get("/manage/" + token);

        assertThat(client.post("/manage/" + token + "/cancel", Map.of("reason", ""))
                        .status())
                .isEqualTo(303);

        assertThat(client.get(s.pay(deposit)).body())
                .contains("Pagado, pero la cita ya no sigue en pie", "Devuelto")
                .containsPattern("<dd>15,00\\h€</dd>")
                .doesNotContain("checkout.stripe.test");
    }

    @Test
    void with_stripe_out_of_reach_the_booking_lands_on_the_deposit_page_which_offers_to_try_again() {
        DepositSalon s = depositSalon();
        Browser client = SERVER.browser();
        STRIPE.stripe.failNext(1);

        Browser.Page booked = book(client, s, nextWeekAt(14), Optional.empty());

        Payment deposit = lastDeposit(s);
        assertThat(booked.status()).isEqualTo(303);
        assertThat(booked.header("Location")).contains(s.pay(deposit));
        STRIPE.stripe.failNext(1);
        Browser.Page unreachable = client.get(s.pay(deposit));
        assertThat(unreachable.status()).isEqualTo(503);
        assertThat(unreachable.header("Retry-After")).contains("60");
        assertThat(unreachable.body())
                .contains(
                        "La página de pago no se puede abrir ahora mismo",
                        "Inténtalo de nuevo en un minuto",
                        "href=\"" + s.pay(deposit) + "\"");
        Browser.Page again = client.get(s.pay(deposit));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("href=\"https://checkout.stripe.test/c/pay/");
    }

    @Test
    void a_deposit_page_that_names_nothing_of_the_business_is_not_found() {
        DepositSalon s = depositSalon();
        DepositSalon other = depositSalon();
        Browser client = SERVER.browser();
        book(client, other, nextWeekAt(15), Optional.empty());
        Payment theirs = lastDeposit(other);

        assertThat(client.get("/" + s.salon.slug + "/pay/not-a-payment").status())
                .isEqualTo(404);
        assertThat(client.get("/" + s.salon.slug + "/pay/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(client.get("/" + s.salon.slug + "/pay/" + theirs.id().value())
                        .status())
                .as("another business's deposit under this one's name")
                .isEqualTo(404);
        assertThat(client.get("/no-such-salon/pay/" + theirs.id().value()).status())
                .isEqualTo(404);
        assertThat(client.get(other.pay(theirs)).status()).isEqualTo(200);
    }

    // --- the owner's settings ---

    @Test
    void the_owner_connects_stripe_from_the_settings_and_sees_where_the_account_stands_when_back() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser owner = salon.ownersBrowser();

        Browser.Page page = owner.get(salon.at("settings/payments"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Sin conectar", "Conectar con Stripe", "action=\"" + salon.at("settings/payments/connect"))
                .contains("href=\"" + salon.at("settings/payments") + "\" aria-current=\"page\"");

        Browser.Page connect = owner.post(salon.at("settings/payments/connect"), Map.of());

        assertThat(connect.status()).as(connect.body()).isEqualTo(303);
        String account = salon.uses
                .payments()
                .setup(salon.owner, salon.id)
                .settings()
                .account()
                .orElseThrow();
        assertThat(connect.header("Location")).contains("https://connect.stripe.test/setup/" + account);
        URI[] link = STRIPE.lastLink(account);
        assertThat(link[0]).hasToString(WebServer.PUBLIC_URL + salon.at("settings/payments"));
        assertThat(link[1]).hasToString(WebServer.PUBLIC_URL + salon.at("settings/payments") + "?connected=1");

        assertThat(owner.get(salon.at("settings/payments?connected=1")).body())
                .contains("Alta sin terminar", "Stripe aún no deja cobrar", "Continuar en Stripe");
        STRIPE.stripe.accountIs(account, true);
        assertThat(owner.get(salon.at("settings/payments?connected=1")).body())
                .contains("Cobrando", "Tu cuenta de Stripe está conectada y puede cobrar.")
                .doesNotContain("Continuar en Stripe", "Conectar con Stripe");
        assertThat(salon.uses.payments().setup(salon.owner, salon.id).settings().takesPayments())
                .isTrue();
    }

    @Test
    void stripe_out_of_reach_when_connecting_is_said_on_the_page() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser owner = salon.ownersBrowser();
        owner.get(salon.at("settings/payments"));
        STRIPE.stripe.failNext(1);

        Browser.Page unreachable = owner.post(salon.at("settings/payments/connect"), Map.of());

        assertThat(unreachable.status()).isEqualTo(503);
        assertThat(unreachable.body()).contains("No se puede contactar con Stripe ahora mismo.", "role=\"alert\"");
    }

    @Test
    void the_deposit_rules_are_checked_in_the_pages_language_and_saved_when_right() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser owner = salon.ownersBrowser();
        owner.get(salon.at("settings/payments"));

        Browser.Page short_ =
                owner.post(salon.at("settings/payments"), Map.of("paymentWindowMinutes", "10", "refundPercent", "150"));
        assertThat(short_.status()).isEqualTo(422);
        assertThat(short_.body())
                .contains(
                        "Escribe un número entero entre 30 y 1380.",
                        "Escribe un número entero entre 0 y 100.",
                        "id=\"paymentWindowMinutes-error\"",
                        "aria-describedby=\"refundPercent-hint refundPercent-error\"",
                        "value=\"10\"");
        PaymentsUseCase.Setup unchanged = salon.uses.payments().setup(salon.owner, salon.id);
        assertThat(unchanged.settings().paymentWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(unchanged.settings().refundPercent()).isEqualTo(100);

        Browser.Page saved =
                owner.post(salon.at("settings/payments"), Map.of("paymentWindowMinutes", "90", "refundPercent", "50"));

        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).contains(salon.at("settings/payments") + "?done=changes");
        PaymentsUseCase.Setup changed = salon.uses.payments().setup(salon.owner, salon.id);
        assertThat(changed.settings().paymentWindow()).isEqualTo(Duration.ofMinutes(90));
        assertThat(changed.settings().refundPercent()).isEqualTo(50);
        assertThat(owner.get(saved.header("Location").orElseThrow()).body())
                .contains("Los cambios están guardados.", "value=\"90\"", "value=\"50\"");
        Browser.Page english = owner.post(
                salon.at("settings/payments?lang=en"), Map.of("paymentWindowMinutes", "many", "refundPercent", "60"));
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.body()).contains("Enter a whole number from 30 to 1380.");
        assertThat(salon.uses.payments().setup(salon.owner, salon.id).settings().refundPercent())
                .isEqualTo(50);
    }

    @Test
    void only_owners_and_admins_see_or_change_how_the_business_takes_payments() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser admin = salon.browserOf(salon.member(Role.ADMIN));
        Browser manager = salon.browserOf(salon.member(Role.MANAGER));

        assertThat(admin.get(salon.at("settings/payments")).status()).isEqualTo(200);
        assertThat(manager.get(salon.at("settings/policy")).body())
                .as("the settings' navigation offers it only to those it is for")
                .doesNotContain(salon.at("settings/payments"));
        assertThat(manager.get(salon.at("settings/payments")).status()).isEqualTo(403);
        assertThat(manager.post(salon.at("settings/payments"), Map.of("refundPercent", "0"))
                        .status())
                .isEqualTo(403);
        assertThat(manager.post(salon.at("settings/payments/connect"), Map.of()).status())
                .isEqualTo(403);
        assertThat(salon.uses.payments().setup(salon.owner, salon.id).settings().refundPercent())
                .isEqualTo(100);
        assertThat(salon.uses.payments().setup(salon.owner, salon.id).settings().account())
                .isEmpty();
    }

    @Test
    void a_server_without_stripe_says_so_and_offers_nothing_to_connect() {
        OpenSalon salon = OpenSalon.open(NO_STRIPE);
        Browser owner = salon.ownersBrowser();

        Browser.Page page = owner.get(salon.at("settings/payments"));
        assertThat(page.body()).contains("No disponible").doesNotContain("Conectar con Stripe");
        Browser.Page connect = owner.post(salon.at("settings/payments/connect"), Map.of());
        assertThat(connect.status()).isEqualTo(409);
        assertThat(connect.body()).contains("Este servidor no está preparado para cobrar.");
    }

    // --- the appointment's payments ---

    @Test
    void a_manager_gives_part_of_a_paid_deposit_back_from_the_appointment_page() {
        DepositSalon s = depositSalon();
        book(SERVER.browser(), s, nextWeekAt(16), Optional.empty());
        Payment deposit = lastDeposit(s);
        paid(s, deposit);
        Browser manager = s.salon.browserOf(s.salon.member(Role.MANAGER));
        String page = s.salon.at("appointments/" + deposit.appointmentId().value());
        String refund = page + "/payments/" + deposit.id().value() + "/refund";

        Browser.Page shown = manager.get(page);
        assertThat(shown.body())
                .contains("Pagos", "Online, con Stripe", "Pagado", "action=\"" + refund + "\"", "value=\"15,00\"")
                .containsPattern("Depósito · 15,00\\h€")
                .doesNotContain("deposit-in-person");

        assertThat(manager.postExactly(refund, Map.of("amount", "5")).status())
                .as("no CSRF token, no refund")
                .isEqualTo(403);
        Browser.Page tooMuch = manager.post(refund, Map.of("amount", "20"));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.body())
                .containsPattern("Como mucho se pueden devolver 15,00\\h€.")
                .contains("value=\"20\"", "aria-invalid=\"true\"");
        Browser.Page garbled = manager.post(refund, Map.of("amount", "cinco"));
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.body()).contains("Escribe un importe mayor que cero, como 12,50.");
        assertThat(STRIPE.stripe.refunds()).noneMatch(r -> r.account().equals(s.account));

        Browser.Page given = manager.post(refund, Map.of("amount", "5,50"));

        assertThat(given.status()).as(given.body()).isEqualTo(303);
        assertThat(given.header("Location")).contains(page + "?done=refund");
        assertThat(STRIPE.stripe.refunds())
                .filteredOn(r -> r.account().equals(s.account))
                .singleElement()
                .satisfies(r -> assertThat(r.amount().amount()).isEqualByComparingTo("5.50"));
        assertThat(manager.get(given.header("Location").orElseThrow()).body())
                .contains("El dinero se ha devuelto.", "Devuelto a mano", "Devuelta", "value=\"9,50\"")
                .containsPattern("<dd>5,50\\h€</dd>");
        Browser.Page rest = manager.post(refund, Map.of("amount", ""));
        assertThat(rest.status()).isEqualTo(303);
        assertThat(onlyDeposit(s, deposit.appointmentId()).refunded().amount()).isEqualByComparingTo("15.00");
        assertThat(manager.get(page).body()).doesNotContain("action=\"" + refund + "\"");
    }

    @Test
    void a_deposit_taken_in_person_confirms_the_time_kept_for_it() {
        DepositSalon s = depositSalon();
        Browser client = SERVER.browser();
        book(client, s, nextWeekAt(17), Optional.empty());
        Payment deposit = lastDeposit(s);
        Browser owner = s.salon.ownersBrowser();
        String page = s.salon.at("appointments/" + deposit.appointmentId().value());

        assertThat(owner.get(page).body())
                .contains("Pendiente de pago", "action=\"" + page + "/deposit-in-person\"")
                .containsPattern("Depósito de 15,00\\h€ cobrado en mano");
        assertThat(owner.postExactly(page + "/deposit-in-person", Map.of()).status())
                .isEqualTo(403);
        assertThat(status(s, deposit.appointmentId())).isEqualTo(AppointmentStatus.PENDING_PAYMENT);

        Browser.Page taken = owner.post(page + "/deposit-in-person", Map.of());

        assertThat(taken.status()).as(taken.body()).isEqualTo(303);
        assertThat(taken.header("Location")).contains(page + "?done=deposit_in_person");
        assertThat(status(s, deposit.appointmentId())).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(payments(s, deposit.appointmentId()))
                .extracting(Payment::method, Payment::status)
                .containsExactlyInAnyOrder(
                        tuple(PaymentMethod.STRIPE, PaymentStatus.CANCELLED),
                        tuple(PaymentMethod.IN_PERSON, PaymentStatus.PAID));
        assertThat(owner.get(taken.header("Location").orElseThrow()).body())
                .contains("El depósito consta como cobrado en mano.", "En mano", "Ya no se debe")
                .doesNotContain("/deposit-in-person\"");
        Browser.Page twice = owner.post(page + "/deposit-in-person", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("El depósito ya está pagado.");
        assertThat(payments(s, deposit.appointmentId())).hasSize(2);
        assertThat(client.get(s.pay(deposit)).body())
                .as("the client's deposit page no longer asks for it")
                .contains("No hay nada que pagar aquí", "tu cita está confirmada")
                .doesNotContain("checkout.stripe.test");
    }

    @Test
    void staff_see_their_appointment_without_its_payments_and_cannot_refund_or_take_a_deposit() {
        DepositSalon s = depositSalon();
        UserId staffUser = s.salon.member(Role.STAFF);
        ProviderId staff = s.salon.provider(staffUser, "Pepe");
        book(SERVER.browser(), s, nextWeekAt(18), Optional.of(staff));
        Payment deposit = lastDeposit(s);
        paid(s, deposit);
        Browser browser = s.salon.browserOf(staffUser);
        String page = s.salon.at("appointments/" + deposit.appointmentId().value());
        String refund = page + "/payments/" + deposit.id().value() + "/refund";

        Browser.Page shown = browser.get(page);

        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body())
                .contains("Marta Ruiz")
                .doesNotContain("payments-title", "/refund\"", "/deposit-in-person\"");
        assertThat(browser.post(refund, Map.of("amount", "5")).status()).isEqualTo(403);
        assertThat(browser.post(page + "/deposit-in-person", Map.of()).status()).isEqualTo(403);
        assertThat(onlyDeposit(s, deposit.appointmentId()).refunded().amount()).isZero();
        assertThat(s.salon.ownersBrowser().get(page).body()).contains("payments-title", "/refund\"");
    }

    /** The testkit's recording Stripe, also keeping where each onboarding link sends the owner back to. */
    static final class OnboardingStripe implements PaymentGateway {
        final RecordingPaymentGateway stripe = new RecordingPaymentGateway();
        private final List<Object[]> links = new ArrayList<>();

        /** The refresh and return addresses of the last onboarding link for the account. */
        synchronized URI[] lastLink(String account) {
            for (int i = links.size() - 1; i >= 0; i--) {
                if (links.get(i)[0].equals(account)) {
                    return new URI[] {(URI) links.get(i)[1], (URI) links.get(i)[2]};
                }
            }
            throw new AssertionError("no onboarding link for " + account);
        }

        @Override
        public boolean configured() {
            return stripe.configured();
        }

        @Override
        public String createAccount(NewAccount account) {
            return stripe.createAccount(account);
        }

        @Override
        public URI onboardingLink(String account, URI refreshUrl, URI returnUrl) {
            URI link = stripe.onboardingLink(account, refreshUrl, returnUrl);
            synchronized (this) {
                links.add(new Object[] {account, refreshUrl, returnUrl});
            }
            return link;
        }

        @Override
        public AccountState accountState(String account) {
            return stripe.accountState(account);
        }

        @Override
        public Checkout openCheckout(CheckoutRequest request) {
            return stripe.openCheckout(request);
        }

        @Override
        public String refund(RefundRequest request) {
            return stripe.refund(request);
        }

        @Override
        public Checkout openCheckoutSavingCard(CheckoutRequest request) {
            return stripe.openCheckoutSavingCard(request);
        }

        @Override
        public Checkout openCardSetup(CardSetupRequest request) {
            return stripe.openCardSetup(request);
        }

        @Override
        public String savedPaymentMethod(String account, SavedBy savedBy) {
            return stripe.savedPaymentMethod(account, savedBy);
        }

        @Override
        public OffSessionCharge chargeOffSession(OffSessionRequest request) {
            return stripe.chargeOffSession(request);
        }

        @Override
        public String createCustomer(NewCustomer customer) {
            return stripe.createCustomer(customer);
        }

        @Override
        public Checkout openSubscriptionCheckout(SubscriptionCheckoutRequest request) {
            return stripe.openSubscriptionCheckout(request);
        }

        @Override
        public URI openBillingPortal(String customer, URI returnUrl, Language language) {
            return stripe.openBillingPortal(customer, returnUrl, language);
        }
    }
}
