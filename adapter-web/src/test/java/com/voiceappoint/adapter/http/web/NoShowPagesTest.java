package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.in.PaymentsUseCase;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.port.out.PaymentGateway.ChargeOutcome;
import com.voiceappoint.application.port.out.PaymentGateway.OffSessionCharge;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentKind;
import com.voiceappoint.domain.payment.SavedCard;
import com.voiceappoint.domain.shared.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The no-show fee in the web app, over a socket with a recording Stripe: the owner sets it under the payment settings;
 * a client booking a service without a deposit is told of it, goes on to Stripe's page that keeps their card, and the
 * card's own page follows it until it is saved; the appointment's page shows the card and, after a no-show, the fee,
 * with the page where the client pays it when their card could not be charged.
 */
class NoShowPagesTest {
    private static final MovableClock CLOCK = new MovableClock(WebServer.NOW);
    private static final PaymentPagesTest.OnboardingStripe STRIPE = new PaymentPagesTest.OnboardingStripe();

    @RegisterExtension
    static final WebServer SERVER = WebServer.takingPayments(STRIPE, CLOCK);

    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");
    private static final Pattern MANAGE = Pattern.compile("va_manage=([A-Za-z0-9_-]+);");

    /** A salon open at all hours, taking payments through its own account, with a no-show fee of 20 €. */
    private record FeeSalon(OpenSalon salon, String account) {}

    private static FeeSalon feeSalon() {
        OpenSalon salon = OpenSalon.open(SERVER);
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
        salon.uses
                .payments()
                .change(salon.owner, salon.id, Optional.empty(), Optional.empty(), Optional.of(new BigDecimal("20")));
        return new FeeSalon(salon, account);
    }

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

    private static String madrid(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(ZoneId.of("Europe/Madrid")));
    }

    /** Books the cut on the public page as a browser without JavaScript: the answer to the last step. */
    private static Browser.Page book(Browser client, FeeSalon s, String start) {
        Browser.Page form = client.get("/" + s.salon.slug + "/book?service=" + s.salon.cut.value() + "&start=" + start);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.body())
                .as("the last step says a card is asked for the fee")
                .containsPattern("cargo por no presentarse de 20,00\\h€")
                .contains("ahora no se cobra nada");
        Matcher key = KEY.matcher(form.body());
        assertThat(key.find()).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("service", s.salon.cut.value().toString());
        fields.put("start", start);
        fields.put("key", key.group(1));
        fields.put("name", "Marta Ruiz");
        fields.put("phone", "+34611" + (100000 + CLIENTS.incrementAndGet()));
        fields.put("email", "");
        return client.post("/" + s.salon.slug + "/book", fields);
    }

    /** The card asked for the appointment booked last at the salon. */
    private static SavedCard lastCard(FeeSalon s) {
        PaymentGateway.CardSetupRequest asked = STRIPE.stripe.cardSetups().stream()
                .filter(c -> c.metadata().get("business_id").equals(s.salon.id.toString()))
                .reduce((first, later) -> later)
                .orElseThrow();
        AppointmentId appointment =
                new AppointmentId(UUID.fromString(asked.metadata().get("appointment_id")));
        return s.salon
                .uses
                .payments()
                .card(s.salon.owner, s.salon.id, appointment)
                .orElseThrow();
    }

    /** Stripe tells the application the client left their card on its page. */
    private static void cardLeft(FeeSalon s, SavedCard card) {
        assertThat(s.salon
                        .uses
                        .paymentEvents()
                        .apply(new PaymentEventsUseCase.CheckoutCompleted(
                                "evt_" + UUID.randomUUID(),
                                Optional.of(s.account),
                                card.checkoutSession().orElseThrow(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                false,
                                Optional.of(card.id()),
                                Optional.of("cus_marta"),
                                Optional.of("seti_" + card.id()))))
                .isEqualTo(PaymentEventsUseCase.Outcome.APPLIED);
    }

    private static String cardPage(FeeSalon s, SavedCard card) {
        return "/" + s.salon.slug + "/card/" + card.id().value();
    }

    @Test
    void the_owner_sets_the_fee_in_the_payment_settings_and_an_empty_field_removes_it() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser owner = salon.ownersBrowser();
        Browser.Page page = owner.get(salon.at("settings/payments"));
        assertThat(page.body())
                .contains("Cargo por no presentarse (EUR)", "name=\"noShowFee\"", "inputmode=\"decimal\"");

        Browser.Page wrong = owner.post(salon.at("settings/payments"), Map.of("noShowFee", "veinte"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("Escribe un importe, como 20 o 20,00.", "id=\"noShowFee-error\"");
        Browser.Page tooPrecise = owner.post(salon.at("settings/payments"), Map.of("noShowFee", "20,001"));
        assertThat(tooPrecise.status()).isEqualTo(422);
        assertThat(tooPrecise.body()).contains("id=\"noShowFee-error\"");
        assertThat(salon.uses.payments().setup(salon.owner, salon.id).settings().noShowFee())
                .isEmpty();

        Browser.Page saved = owner.post(salon.at("settings/payments"), Map.of("noShowFee", "20,50 €"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        PaymentsUseCase.Setup set = salon.uses.payments().setup(salon.owner, salon.id);
        assertThat(set.settings().noShowFee()).contains(Money.of("20.50", "EUR"));
        assertThat(set.settings().refundPercent()).as("left out, kept").isEqualTo(100);
        assertThat(owner.get(saved.header("Location").orElseThrow()).body()).contains("value=\"20,50\"");

        owner.post(salon.at("settings/payments"), Map.of("noShowFee", ""));
        assertThat(salon.uses.payments().setup(salon.owner, salon.id).settings().noShowFee())
                .isEmpty();
    }

    @Test
    void a_booking_without_a_deposit_goes_on_to_stripe_for_a_card_and_the_card_page_follows_it_until_it_is_saved() {
        FeeSalon s = feeSalon();
        Browser client = SERVER.browser();

        Browser.Page booked = book(client, s, nextWeekAt(10));

        assertThat(booked.status()).as(booked.body()).isEqualTo(303);
        SavedCard card = lastCard(s);
        assertThat(booked.header("Location")).contains(card.checkoutUrl().orElseThrow());
        assertThat(booked.header("Location").orElseThrow()).startsWith("https://checkout.stripe.test/c/setup/");
        PaymentGateway.CardSetupRequest asked =
                STRIPE.stripe.cardSetups().get(STRIPE.stripe.cardSetups().size() - 1);
        assertThat(asked.successUrl()).hasToString(WebServer.PUBLIC_URL + cardPage(s, card) + "?saved=1");
        assertThat(asked.cancelUrl()).hasToString(WebServer.PUBLIC_URL + cardPage(s, card));
        String cookie = booked.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("va_manage="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("Path=" + cardPage(s, card), "HttpOnly", "SameSite=Lax");
        assertThat(s.salon
                        .uses
                        .appointments()
                        .get(s.salon.owner, card.appointmentId())
                        .appointment()
                        .status())
                .isEqualTo(AppointmentStatus.PENDING_PAYMENT);

        // back from Stripe without leaving it: the time is kept, and the way to leave it is there
        Browser.Page open = client.get(cardPage(s, card));
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.header("Cache-Control")).contains("no-store");
        assertThat(open.header("X-Robots-Tag")).contains("noindex");
        assertThat(open.body())
                .contains(
                        "Una tarjeta para tu cita",
                        "Tu hora queda guardada hasta las " + madrid(card.saveBy()) + ".",
                        "href=\"" + card.checkoutUrl().orElseThrow() + "\"",
                        "Dejar una tarjeta",
                        "href=\"/manage/")
                .containsPattern("cargo por no presentarse de 20,00\\h€")
                .doesNotContain("hx-trigger", " style=\"", "onclick=");
        assertThat(SERVER.browser().get(cardPage(s, card) + "?lang=en").body())
                .contains("Your time is kept for you until " + madrid(card.saveBy()) + ".", "Leave a card");

        // the manage page says what the time waits for
        Matcher token = MANAGE.matcher(cookie);
        assertThat(token.find()).isTrue();
        assertThat(client.get("/manage/" + token.group(1)).body())
                .contains("Pendiente de una tarjeta", "href=\"" + cardPage(s, card) + "\"");

        Browser.Page confirming = client.get(cardPage(s, card) + "?saved=1");
        assertThat(confirming.body())
                .contains(
                        "Tarjeta recibida, confirmando…",
                        "hx-get=\"" + cardPage(s, card) + "?saved=1\"",
                        "hx-trigger=\"every 3s\"",
                        "hx-select=\"#card-state\"")
                .doesNotContain("checkout.stripe.test");

        cardLeft(s, card);

        assertThat(client.get(cardPage(s, card) + "?saved=1").body())
                .contains("Tarjeta guardada: tu cita está confirmada")
                .doesNotContain("hx-trigger", "checkout.stripe.test");
        assertThat(SERVER.browser()
                        .get("/" + s.salon.slug + "/card/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void the_appointment_page_shows_the_card_and_the_fee_and_the_client_pays_the_fee_on_its_page() {
        FeeSalon s = feeSalon();
        book(SERVER.browser(), s, nextWeekAt(12));
        SavedCard card = lastCard(s);
        Browser owner = s.salon.ownersBrowser();
        String page = s.salon.at("appointments/" + card.appointmentId().value());

        assertThat(owner.get(page).body())
                .contains("Pagos", "Se espera una tarjeta para el cargo por no presentarse de");
        cardLeft(s, card);
        assertThat(owner.get(page).body()).contains("El cliente dejó una tarjeta para el cargo por no presentarse");

        CLOCK.advance(Duration.ofDays(8));
        STRIPE.stripe.chargesAnswer(new OffSessionCharge(
                ChargeOutcome.AUTHENTICATION_REQUIRED, Optional.of("pi_auth"), "authentication_required"));
        s.salon.uses.changeAppointment().markNoShow(s.salon.owner, card.appointmentId());

        Payment fee = s
                .salon
                .uses
                .payments()
                .payments(s.salon.owner, s.salon.id, Optional.of(card.appointmentId()), 1)
                .stream()
                .map(PaymentsUseCase.PaymentRecord::payment)
                .filter(p -> p.kind() == PaymentKind.NO_SHOW_FEE)
                .findFirst()
                .orElseThrow();
        String pay = "/" + s.salon.slug + "/pay/" + fee.id().value();
        assertThat(owner.get(page).body())
                .containsPattern("Cargo por no presentarse · 20,00\\h€")
                .contains("Pendiente de pago", "authentication required", "href=\"" + pay + "\"");

        Browser.Page feePage = SERVER.browser().get(pay);
        assertThat(feePage.status()).isEqualTo(200);
        assertThat(feePage.body())
                .contains(
                        "<title>Cargo por no presentarse",
                        "no se le pudo cobrar sin ti",
                        "Tu banco dijo: authentication required",
                        "con esta u otra tarjeta",
                        "checkout.stripe.test")
                .containsPattern("Pagar 20,00\\h€")
                .doesNotContain("Depósito", "Volver a reservar");
        assertThat(SERVER.browser().get(pay + "?lang=en").body()).contains("No-show fee", "Pay €20.00");
    }
}
