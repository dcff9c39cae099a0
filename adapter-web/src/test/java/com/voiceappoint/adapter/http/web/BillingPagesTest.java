package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.VoiceCaller;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.application.port.in.VoiceToolsUseCase;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.usecase.VoiceInteractors;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.billing.Plan;
import com.voiceappoint.domain.billing.Plans;
import com.voiceappoint.domain.billing.SubscriptionStatus;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.voice.VoiceSettings;
import com.voiceappoint.testkit.RecordingPaymentGateway;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The business paying the platform, over a socket with a recording Stripe: the billing page under the settings (the
 * plan, the month's voice bookings against its cap, off to Stripe to subscribe and to manage), owners and admins only;
 * the Today page's notice once the cap is reached; the public pricing page; and each business's plan for operators.
 */
class BillingPagesTest {
    private static final RecordingPaymentGateway STRIPE = new RecordingPaymentGateway();
    private static final Plans PLANS = Plans.of(java.util.List.of(
            new Plan("free", "Gratis", Money.of("0", "EUR"), Optional.of(2), Optional.empty()),
            Plan.unlimited("pro", "Pro", Money.of("29", "EUR")).pricedInStripeAs("price_pro")));

    @RegisterExtension
    static final WebServer SERVER = WebServer.billing(STRIPE, PLANS);

    /** A server that bills no one. */
    @RegisterExtension
    static final WebServer UNBILLED = new WebServer();

    private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en");
    private static final AtomicInteger CALLERS = new AtomicInteger();

    private static String billing(OpenSalon salon) {
        return salon.at("settings/billing");
    }

    /** The salon's callers book {@code calls} times by phone this month. */
    private static void byPhone(OpenSalon salon, int calls) {
        Business business = SERVER.useCases().business().get(salon.owner, salon.id);
        var service = SERVER.ports().services().findById(salon.id, salon.cut).orElseThrow();
        VoiceToolsUseCase tools = VoiceInteractors.tools(SERVER.useCases(), AllowanceStore.UNLIMITED);
        for (int i = 0; i < calls; i++) {
            PhoneNumber number = new PhoneNumber("+3460090" + "%04d".formatted(CALLERS.incrementAndGet()));
            VoiceToolsUseCase.Booking booked = tools.book(
                    new VoiceCaller(
                            new VoiceConfiguration(business, VoiceSettings.none(salon.id)),
                            Optional.of(number),
                            true,
                            Optional.of(number),
                            false,
                            Optional.empty(),
                            "vapi"),
                    new VoiceToolsUseCase.BookAppointment(
                            service,
                            Optional.empty(),
                            Instant.parse("2026-11-25T09:00:00Z").plusSeconds(3600L * CALLERS.get()),
                            "Carmen",
                            Optional.empty(),
                            "",
                            "",
                            false));
            assertThat(booked).isInstanceOf(VoiceToolsUseCase.Booked.class);
        }
    }

    /** Stripe's news that the salon subscribed to pro, as its webhook would apply it. */
    private static void subscribed(OpenSalon salon) {
        PaymentGateway.SubscriptionCheckoutRequest asked = STRIPE.subscriptionCheckouts().stream()
                .filter(request -> request.metadata().get("business_id").equals(salon.id.toString()))
                .reduce((first, second) -> second)
                .orElseThrow();
        var applied = SERVER.useCases()
                .paymentEvents()
                .apply(new PaymentEventsUseCase.SubscriptionChanged(
                        "evt_" + salon.id,
                        Optional.empty(),
                        WebServer.NOW,
                        "sub_" + salon.id,
                        asked.customer(),
                        Optional.of(salon.id),
                        Optional.of("price_pro"),
                        Optional.of("pro"),
                        SubscriptionStatus.ACTIVE,
                        Optional.of(Instant.parse("2026-12-23T08:00:00Z"))));
        assertThat(applied).isEqualTo(PaymentEventsUseCase.Outcome.APPLIED);
    }

    @Test
    void the_owner_sees_the_plan_and_the_month_s_voice_bookings_and_goes_off_to_stripe_to_subscribe() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser owner = salon.ownersBrowser();

        Browser.Page page = owner.get(billing(salon));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("Facturación", "data-plan=\"free\"", "Sin suscripción")
                .contains("0 de 2 citas reservadas por teléfono este mes")
                .contains("Suscribirme a Pro", "29,00\u00a0€ al mes")
                .contains("href=\"" + billing(salon) + "\"")
                .doesNotContain("Gestionar la facturación");

        Browser.Page off = owner.post(billing(salon) + "/checkout", Map.of("plan", "pro"));

        assertThat(off.status()).as(off.body()).isEqualTo(303);
        assertThat(off.header("Location").orElseThrow()).startsWith("https://checkout.stripe.test/c/pay/");
        assertThat(off.header("Content-Security-Policy").orElseThrow())
                .as("a browser follows the form's redirect only to where form-action lets it")
                .contains("https://checkout.stripe.com", "https://billing.stripe.com");
        PaymentGateway.SubscriptionCheckoutRequest asked = STRIPE.subscriptionCheckouts()
                .get(STRIPE.subscriptionCheckouts().size() - 1);
        assertThat(asked.successUrl()).hasToString(WebServer.PUBLIC_URL + billing(salon) + "?subscribed=pro");
        assertThat(asked.cancelUrl()).hasToString(WebServer.PUBLIC_URL + billing(salon));
        assertThat(asked.price()).isEqualTo("price_pro");

        assertThat(owner.get(billing(salon) + "?subscribed=pro").body())
                .contains("en cuanto Stripe confirme la suscripción");
    }

    @Test
    void a_subscribed_business_manages_its_plan_in_stripe_s_portal_and_cannot_subscribe_twice() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser owner = salon.ownersBrowser();
        owner.get(billing(salon));
        owner.post(billing(salon) + "/checkout", Map.of("plan", "pro"));
        subscribed(salon);

        Browser.Page page = owner.get(billing(salon));

        assertThat(page.body())
                .contains("data-plan=\"pro\"", "Activa", "Se renueva el", "no tiene límite", "Gestionar la facturación")
                .doesNotContain("Suscribirme a");
        Browser.Page portal = owner.post(billing(salon) + "/portal", Map.of());
        assertThat(portal.status()).as(portal.body()).isEqualTo(303);
        assertThat(portal.header("Location").orElseThrow()).startsWith("https://billing.stripe.test/p/session/");

        Browser.Page twice = owner.post(billing(salon) + "/checkout", Map.of("plan", "pro"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("Ya tienes una suscripción");
    }

    @Test
    void what_keeps_stripe_s_page_from_opening_is_said_on_the_page() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser owner = salon.ownersBrowser();
        owner.get(billing(salon));

        Browser.Page nothing = owner.post(billing(salon) + "/portal", Map.of());
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.body()).contains("Aún no hay ninguna suscripción que gestionar.");

        Browser.Page free = owner.post(billing(salon) + "/checkout", Map.of("plan", "free"));
        assertThat(free.status()).isEqualTo(422);
        assertThat(free.body()).contains("No es posible suscribirse a ese plan.");

        STRIPE.failNext(1);
        Browser.Page away = owner.post(billing(salon) + "/checkout", Map.of("plan", "pro"));
        assertThat(away.status()).isEqualTo(503);
        assertThat(away.header("Retry-After")).isPresent();
        assertThat(away.body()).contains("Ahora mismo no se puede contactar con Stripe.");

        assertThat(owner.postExactly(billing(salon) + "/checkout", Map.of("plan", "pro"))
                        .status())
                .as("no CSRF token")
                .isEqualTo(403);
    }

    @Test
    void only_owners_and_admins_see_the_billing_page_and_every_member_is_told_when_the_cap_is_reached() {
        OpenSalon salon = OpenSalon.open(SERVER);
        UserId staffUser = salon.member(Role.STAFF);
        UserId adminUser = salon.member(Role.ADMIN);
        Browser staff = salon.browserOf(staffUser);

        assertThat(salon.browserOf(adminUser).get(billing(salon)).status()).isEqualTo(200);
        assertThat(staff.get(billing(salon)).status()).isEqualTo(403);
        assertThat(staff.get(salon.at("")).body()).doesNotContain("voice-cap");
        staff.get(salon.at("settings/business"));
        assertThat(staff.post(billing(salon) + "/checkout", Map.of("plan", "pro"))
                        .status())
                .isEqualTo(403);
        assertThat(staff.post(billing(salon) + "/portal", Map.of()).status()).isEqualTo(403);
        assertThat(staff.get(salon.at("settings/business")).body()).doesNotContain("settings/billing");

        byPhone(salon, 2);

        String today = salon.ownersBrowser().get(salon.at("")).body();
        assertThat(today)
                .contains("class=\"voice-cap\"", "para este mes se han agotado (2)")
                .contains("href=\"" + billing(salon) + "\"");
        assertThat(staff.get(salon.at("")).body())
                .contains("class=\"voice-cap\"", "puede elegir un plan con más")
                .doesNotContain("href=\"" + billing(salon) + "\"");
        assertThat(salon.ownersBrowser().get(billing(salon)).body())
                .contains("2 de 2 citas reservadas por teléfono este mes", "se han agotado");
    }

    @Test
    void anyone_sees_the_plans_on_the_pricing_page_linked_from_the_landing_page() {
        Browser visitor = SERVER.browser();

        Browser.Page pricing = visitor.get("/pricing", ENGLISH);

        assertThat(pricing.status()).isEqualTo(200);
        assertThat(pricing.body())
                .contains("Pricing", "data-plan=\"free\"", "data-plan=\"pro\"")
                .contains("Up to 2 appointments booked by voice a month", "Unlimited appointments booked by voice")
                .contains("€29.00 a month", "€0.00 a month");
        assertThat(visitor.get("/", ENGLISH).body()).contains("href=\"/pricing\"");
        assertThat(UNBILLED.browser().get("/pricing").status())
                .as("a server that bills no one has no prices")
                .isEqualTo(404);
        assertThat(UNBILLED.browser().get("/").body()).doesNotContain("/pricing");
    }

    @Test
    void an_operator_sees_each_business_s_plan() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser owner = salon.ownersBrowser();
        owner.get(billing(salon));
        owner.post(billing(salon) + "/checkout", Map.of("plan", "pro"));
        subscribed(salon);
        var operator = SERVER.useCases()
                .registerAccount()
                .register(new RegisterAccountUseCase.Command(
                        "ops@example.com", "s3cret-enough", "Ops", "en", "Ops Desk", "salon", "Europe/Madrid", "EUR"));
        SERVER.useCases().operators().grant("ops@example.com");
        Browser browser = SERVER.browser();
        browser.signedIn(SERVER.useCases().sessions().start(operator.userId()).token());

        String list = browser.get("/operator/?q=" + salon.slug, ENGLISH).body();

        assertThat(list).contains("<th scope=\"col\">Plan</th>", "data-plan=\"pro\"");
        assertThat(browser.get("/operator/?q=ops-desk", ENGLISH).body()).contains("data-plan=\"free\"");
    }
}
