package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BillingUseCase;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.Outcome;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.SubscriptionChanged;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.SubscriptionCheckoutCompleted;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceCaller;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.application.port.in.VoiceToolsUseCase;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.voice.Speech;
import com.voiceappoint.application.voice.SpokenAnswers;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.billing.BusinessPlan;
import com.voiceappoint.domain.billing.Plan;
import com.voiceappoint.domain.billing.Plans;
import com.voiceappoint.domain.billing.SubscriptionStatus;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.voice.VoiceSettings;
import com.voiceappoint.testkit.RecordingPaymentGateway;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A business's plan caps how many appointments its callers book by voice in a month: past it, callers are offered the
 * web in words that say nothing of plans, while the web, the dashboard and the API book as ever; a subscription lifts
 * the cap from Stripe's news, applied once and in Stripe's order, and its end brings the cap back.
 */
class BillingTest {
    private static final Instant TUESDAY_TEN = Salon.TUESDAY_TEN;
    private static final Instant MADE = Instant.parse("2026-11-23T07:00:00Z");
    private static final Plans PLANS = Plans.of(List.of(
            new Plan("free", "Free", Money.of("0", "EUR"), Optional.of(2), Optional.empty()),
            new Plan("starter", "Starter", Money.of("9", "EUR"), Optional.of(200), Optional.of("price_starter")),
            Plan.unlimited("pro", "Pro", Money.of("29", "EUR")).pricedInStripeAs("price_pro")));

    private final RecordingPaymentGateway stripe = new RecordingPaymentGateway();
    private final Salon salon =
            new Salon(InMemoryAdapters.create().billingThrough(stripe, PLANS, Optional.of("https://book.example")));
    private final UseCases app = salon.app;
    private final Business business = app.business().get(salon.owner, salon.business);
    private final VoiceToolsUseCase tools = VoiceInteractors.tools(app, AllowanceStore.UNLIMITED);

    private VoiceCaller caller(String number) {
        return new VoiceCaller(
                new VoiceConfiguration(business, VoiceSettings.none(salon.business)),
                Optional.of(new PhoneNumber(number)),
                true,
                Optional.of(new PhoneNumber(number)),
                false,
                Optional.of("call-" + number),
                "vapi");
    }

    private VoiceToolsUseCase.Booking byVoice(UseCases app, String number, Instant start) {
        return VoiceInteractors.tools(app, AllowanceStore.UNLIMITED)
                .book(
                        caller(number),
                        new VoiceToolsUseCase.BookAppointment(
                                salon.cut,
                                Optional.empty(),
                                start,
                                "Carmen",
                                Optional.empty(),
                                "",
                                "tc-" + start,
                                false));
    }

    private VoiceToolsUseCase.Booking byVoice(String number, Instant start) {
        return byVoice(app, number, start);
    }

    private String said(VoiceToolsUseCase.Answer answer, Language language) {
        return new SpokenAnswers(new Speech(language, business.zone()), business)
                .say(answer)
                .result()
                .orElseThrow();
    }

    /** The month's two voice bookings made: the cap is reached. */
    private void capReached() {
        assertThat(byVoice("+34600000001", TUESDAY_TEN)).isInstanceOf(VoiceToolsUseCase.Booked.class);
        assertThat(byVoice("+34600000002", TUESDAY_TEN.plus(Duration.ofHours(1))))
                .isInstanceOf(VoiceToolsUseCase.Booked.class);
    }

    private BookAppointmentUseCase.Command booking(Actor actor, BookingSource source, Instant start) {
        return BookAppointmentUseCase.Command.builder(
                        actor,
                        salon.business,
                        salon.cut.id(),
                        start,
                        new BookAppointmentUseCase.ClientDetails(
                                "Ana", Optional.of("+34600999888"), Optional.of("ana@example.com")),
                        source)
                .build();
    }

    private SubscriptionChanged subscription(String event, String price, SubscriptionStatus status, Instant made) {
        return new SubscriptionChanged(
                event,
                Optional.empty(),
                made,
                "sub_1",
                "cus_lola",
                Optional.of(salon.business),
                Optional.of(price),
                Optional.of("pro"),
                status,
                Optional.of(Instant.parse("2026-12-23T07:00:00Z")));
    }

    private BusinessPlan plan() {
        return salon.ports.billing().store().find(salon.business).orElseThrow();
    }

    @Test
    void a_business_past_its_plans_voice_bookings_is_offered_the_web_by_phone_and_books_everywhere_else() {
        capReached();

        VoiceToolsUseCase.Booking refused = byVoice("+34600000003", TUESDAY_TEN.plus(Duration.ofHours(2)));

        assertThat(refused)
                .isEqualTo(new VoiceToolsUseCase.BookOnline(Optional.of(
                        URI.create("https://book.example/" + business.slug().value()))));
        for (Language language : Language.values()) {
            String words = said(refused, language);
            assertThat(words).contains("https://book.example/" + business.slug().value());
            assertThat(words.toLowerCase(Locale.ROOT))
                    .doesNotContain("plan")
                    .doesNotContain("bill")
                    .doesNotContain("factur")
                    .doesNotContain("limit")
                    .doesNotContain("límite");
        }
        assertThat(said(refused, Language.EN)).startsWith("I cannot book this by phone right now");
        assertThat(tools.hold(
                        caller("+34600000004"),
                        new VoiceToolsUseCase.HoldSlot(
                                salon.cut, Optional.empty(), TUESDAY_TEN.plus(Duration.ofHours(3)), "Eva", false)))
                .isInstanceOf(VoiceToolsUseCase.BookOnline.class);

        // the web, the dashboard and the API book as ever
        assertThat(app.publicBooking()
                        .book(booking(
                                new Actor.Caller(BookingSource.WEB),
                                BookingSource.WEB,
                                TUESDAY_TEN.plus(Duration.ofHours(4))))
                        .result()
                        .appointment()
                        .status())
                .isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(app.bookAppointment()
                        .book(booking(salon.owner, BookingSource.DASHBOARD, TUESDAY_TEN.plus(Duration.ofHours(5))))
                        .appointment()
                        .status())
                .isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(app.bookAppointment()
                        .book(booking(salon.owner, BookingSource.API, TUESDAY_TEN.plus(Duration.ofHours(6))))
                        .appointment()
                        .status())
                .isEqualTo(AppointmentStatus.CONFIRMED);

        BillingUseCase.Billing billing = app.billing().billing(salon.owner, salon.business);
        assertThat(billing.plan().code()).isEqualTo("free");
        assertThat(billing.voice().voiceBookings())
                .as("the voice bookings alone")
                .isEqualTo(2);
        assertThat(billing.voice().overCap()).isTrue();
        assertThat(billing.voice().month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(billing.voice().cap()).contains(2);
        assertThat(billing.state().status()).isEqualTo(SubscriptionStatus.NONE);
        assertThat(billing.subscriptions()).isTrue();
        assertThat(billing.manageable()).isFalse();
        assertThat(app.billing().cappedVoice(salon.owner, salon.business))
                .hasValueSatisfying(allowance -> assertThat(allowance.overCap()).isTrue());
    }

    @Test
    void a_retry_of_a_booking_made_and_a_hold_confirmed_are_not_new_bookings() {
        VoiceCaller carmen = caller("+34600000001");
        VoiceToolsUseCase.BookAppointment book = new VoiceToolsUseCase.BookAppointment(
                salon.cut, Optional.empty(), TUESDAY_TEN, "Carmen", Optional.empty(), "", "tc-1", false);
        assertThat(tools.hold(
                        caller("+34600000002"),
                        new VoiceToolsUseCase.HoldSlot(
                                salon.cut, Optional.empty(), TUESDAY_TEN.plus(Duration.ofHours(1)), "Eva", false)))
                .isInstanceOf(VoiceToolsUseCase.Held.class);
        assertThat(tools.book(carmen, book)).isInstanceOf(VoiceToolsUseCase.Booked.class);

        // the model asked twice; and the caller who held a time books it: both within the two of the month
        assertThat(tools.book(carmen, book)).isInstanceOf(VoiceToolsUseCase.Booked.class);
        assertThat(byVoice("+34600000002", TUESDAY_TEN.plus(Duration.ofHours(1))))
                .isInstanceOfSatisfying(
                        VoiceToolsUseCase.Booked.class,
                        booked -> assertThat(booked.details().appointment().status())
                                .isEqualTo(AppointmentStatus.CONFIRMED));
        assertThat(byVoice("+34600000003", TUESDAY_TEN.plus(Duration.ofHours(2))))
                .isInstanceOf(VoiceToolsUseCase.BookOnline.class);
    }

    @Test
    void a_subscription_lifts_the_cap_and_its_end_brings_it_back() {
        capReached();
        app.billing().checkout(salon.owner, salon.business, "pro");

        assertThat(app.paymentEvents()
                        .apply(new SubscriptionCheckoutCompleted(
                                "evt_checkout",
                                Optional.empty(),
                                MADE,
                                Optional.of(salon.business),
                                Optional.of("pro"),
                                "cus_test1",
                                "sub_1",
                                true)))
                .isEqualTo(Outcome.APPLIED);

        assertThat(plan().plan()).isEqualTo("pro");
        assertThat(plan().status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(byVoice("+34600000003", TUESDAY_TEN.plus(Duration.ofHours(2))))
                .isInstanceOf(VoiceToolsUseCase.Booked.class);
        assertThat(app.billing().cappedVoice(salon.owner, salon.business))
                .as("nothing counted")
                .isEmpty();

        assertThat(app.paymentEvents()
                        .apply(subscription(
                                "evt_deleted", "price_pro", SubscriptionStatus.CANCELED, MADE.plusSeconds(60))))
                .isEqualTo(Outcome.APPLIED);

        assertThat(plan().plan()).isEqualTo("free");
        assertThat(plan().status()).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(byVoice("+34600000004", TUESDAY_TEN.plus(Duration.ofHours(3))))
                .isInstanceOf(VoiceToolsUseCase.BookOnline.class);
    }

    @Test
    void the_cap_counts_the_month_in_the_businesss_zone() {
        capReached();
        // 1 December, 00:30 in Madrid: still 30 November in UTC
        UseCases december = salon.at(Instant.parse("2026-11-30T23:30:00Z"));

        assertThat(byVoice(december, "+34600000003", Instant.parse("2026-12-01T09:00:00Z")))
                .isInstanceOf(VoiceToolsUseCase.Booked.class);
        assertThat(byVoice(
                        salon.at(Instant.parse("2026-11-30T22:30:00Z")),
                        "+34600000004",
                        TUESDAY_TEN.plus(Duration.ofHours(4))))
                .as("23:30 on 30 November in Madrid")
                .isInstanceOf(VoiceToolsUseCase.BookOnline.class);
    }

    @Test
    void each_event_is_applied_once_and_older_news_never_undoes_newer() {
        SubscriptionChanged active = subscription("evt_1", "price_pro", SubscriptionStatus.ACTIVE, MADE);
        SubscriptionChanged unpaid =
                subscription("evt_2", "price_pro", SubscriptionStatus.UNPAID, MADE.plus(Duration.ofDays(3)));

        assertThat(app.paymentEvents().apply(unpaid)).isEqualTo(Outcome.APPLIED);
        assertThat(app.paymentEvents().apply(active))
                .as("made before, delivered after")
                .isEqualTo(Outcome.APPLIED);

        assertThat(plan().plan()).isEqualTo("free");
        assertThat(plan().status()).isEqualTo(SubscriptionStatus.UNPAID);
        assertThat(plan().changedAt()).contains(MADE.plus(Duration.ofDays(3)));
        assertThat(app.paymentEvents().apply(unpaid)).isEqualTo(Outcome.ALREADY_APPLIED);

        SubscriptionChanged again =
                subscription("evt_3", "price_pro", SubscriptionStatus.ACTIVE, MADE.plus(Duration.ofDays(4)));
        assertThat(app.paymentEvents().apply(again)).isEqualTo(Outcome.APPLIED);
        assertThat(plan().plan()).isEqualTo("pro");
        assertThat(app.paymentEvents().apply(again)).isEqualTo(Outcome.ALREADY_APPLIED);
    }

    @Test
    void a_change_of_plan_in_the_portal_is_read_from_the_price() {
        app.paymentEvents().apply(subscription("evt_1", "price_pro", SubscriptionStatus.ACTIVE, MADE));

        app.paymentEvents()
                .apply(subscription("evt_2", "price_starter", SubscriptionStatus.ACTIVE, MADE.plusSeconds(30)));

        assertThat(plan().plan()).as("metadata still says pro").isEqualTo("starter");
        assertThat(plan().currentPeriodEnd()).contains(Instant.parse("2026-12-23T07:00:00Z"));
        assertThat(plan().customer()).contains("cus_lola");
    }

    @Test
    void the_checkout_completed_says_less_than_the_subscriptions_own_news_and_never_overwrites_it() {
        app.paymentEvents().apply(subscription("evt_sub", "price_pro", SubscriptionStatus.ACTIVE, MADE));
        BusinessPlan told = plan();

        assertThat(app.paymentEvents()
                        .apply(new SubscriptionCheckoutCompleted(
                                "evt_checkout",
                                Optional.empty(),
                                MADE,
                                Optional.of(salon.business),
                                Optional.of("pro"),
                                "cus_lola",
                                "sub_1",
                                true)))
                .isEqualTo(Outcome.APPLIED);

        assertThat(plan()).isEqualTo(told);
    }

    @Test
    void an_earlier_subscription_ending_does_not_end_the_current_one() {
        app.paymentEvents().apply(subscription("evt_1", "price_pro", SubscriptionStatus.ACTIVE, MADE));
        SubscriptionChanged old = new SubscriptionChanged(
                "evt_2",
                Optional.empty(),
                MADE.plusSeconds(5),
                "sub_0",
                "cus_lola",
                Optional.of(salon.business),
                Optional.of("price_starter"),
                Optional.of("starter"),
                SubscriptionStatus.CANCELED,
                Optional.empty());

        assertThat(app.paymentEvents().apply(old)).isEqualTo(Outcome.APPLIED);
        assertThat(plan().plan()).isEqualTo("pro");
        assertThat(plan().subscription()).contains("sub_1");
    }

    @Test
    void news_of_no_business_of_ours_or_of_a_connected_account_changes_nothing() {
        SubscriptionChanged stranger = new SubscriptionChanged(
                "evt_x",
                Optional.empty(),
                MADE,
                "sub_9",
                "cus_stranger",
                Optional.of(new BusinessId(java.util.UUID.randomUUID())),
                Optional.of("price_pro"),
                Optional.empty(),
                SubscriptionStatus.ACTIVE,
                Optional.empty());
        assertThat(app.paymentEvents().apply(stranger)).isEqualTo(Outcome.IGNORED);
        assertThat(app.paymentEvents().apply(stranger)).isEqualTo(Outcome.ALREADY_APPLIED);

        SubscriptionChanged connected = new SubscriptionChanged(
                "evt_y",
                Optional.of("acct_lola"),
                MADE,
                "sub_1",
                "cus_lola",
                Optional.of(salon.business),
                Optional.of("price_pro"),
                Optional.of("pro"),
                SubscriptionStatus.ACTIVE,
                Optional.empty());
        assertThat(app.paymentEvents().apply(connected)).isEqualTo(Outcome.IGNORED);
        assertThat(salon.ports.billing().store().find(salon.business)).isEmpty();
    }

    @Test
    void subscribing_makes_one_customer_and_opens_a_page_for_the_plans_price_coming_back_to_the_billing_page() {
        URI page = app.billing().checkout(salon.owner, salon.business, "pro");
        URI again = app.billing().checkout(salon.owner, salon.business, "pro");

        assertThat(again).isEqualTo(page);
        PaymentGateway.NewCustomer customer = stripe.customers().get(0);
        assertThat(stripe.customers()).hasSize(1);
        assertThat(customer.idempotencyKey()).isEqualTo("customer-" + salon.business);
        assertThat(customer.email()).contains("lola@example.com");
        assertThat(customer.metadata()).containsEntry("business_id", salon.business.toString());
        assertThat(plan().customer()).contains("cus_test1");
        PaymentGateway.SubscriptionCheckoutRequest request =
                stripe.subscriptionCheckouts().get(0);
        String billingPage = "https://book.example/dashboard/" + business.slug().value() + "/settings/billing";
        assertThat(request.customer()).isEqualTo("cus_test1");
        assertThat(request.price()).isEqualTo("price_pro");
        assertThat(request.successUrl()).isEqualTo(URI.create(billingPage + "?subscribed=pro"));
        assertThat(request.cancelUrl()).isEqualTo(URI.create(billingPage));
        assertThat(request.metadata())
                .containsEntry("business_id", salon.business.toString())
                .containsEntry("plan", "pro");
        assertThat(request.language()).isEqualTo(business.language());
        assertThat(stripe.subscriptionCheckouts().get(1).idempotencyKey()).isEqualTo(request.idempotencyKey());

        app.paymentEvents().apply(subscription("evt_1", "price_pro", SubscriptionStatus.ACTIVE, MADE));
        assertThatThrownBy(() -> app.billing().checkout(salon.owner, salon.business, "starter"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_SUBSCRIBED));
        assertThat(app.billing().portal(salon.owner, salon.business))
                .hasToString("https://billing.stripe.test/p/session/cus_lola?return=" + billingPage);
    }

    @Test
    void only_a_plan_with_a_price_can_be_subscribed_to_and_only_a_customer_has_a_portal() {
        assertThatThrownBy(() -> app.billing().checkout(salon.owner, salon.business, "free"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("plan"));
        assertThatThrownBy(() -> app.billing().checkout(salon.owner, salon.business, "gold"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("plan"));
        assertThatThrownBy(() -> app.billing().portal(salon.owner, salon.business))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_SUBSCRIBED));
        assertThat(stripe.customers()).isEmpty();
    }

    @Test
    void a_stripe_out_of_reach_makes_no_customer_here_and_the_next_try_makes_the_same_one() {
        stripe.failNext(1);
        assertThatThrownBy(() -> app.billing().checkout(salon.owner, salon.business, "pro"))
                .isInstanceOf(com.voiceappoint.application.error.StoreUnavailableException.class);
        assertThat(salon.ports.billing().store().find(salon.business)).isEmpty();

        app.billing().checkout(salon.owner, salon.business, "pro");
        assertThat(plan().customer()).contains("cus_test1");
    }

    @Test
    void owners_and_admins_see_the_plan_every_member_sees_the_cap_and_other_businesses_see_nothing() {
        Actor.Member staff = join(Role.STAFF);
        Actor.Member admin = join(Role.ADMIN);

        assertThat(app.billing().billing(admin, salon.business).plan().code()).isEqualTo("free");
        assertThatThrownBy(() -> app.billing().billing(staff, salon.business)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> app.billing().checkout(staff, salon.business, "pro"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> app.billing().portal(staff, salon.business)).isInstanceOf(ForbiddenException.class);
        assertThat(app.billing().cappedVoice(staff, salon.business)).isPresent();

        Salon other = new Salon(InMemoryAdapters.create());
        assertThatThrownBy(() -> app.billing().billing(other.owner, salon.business))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.billing().cappedVoice(other.owner, salon.business))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.billing().plansOf((Actor.Member) salon.owner, List.of(salon.business)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void operators_see_each_businesss_plan() {
        app.paymentEvents().apply(subscription("evt_1", "price_pro", SubscriptionStatus.ACTIVE, MADE));
        BusinessId other = app.registerAccount()
                .register(RegistrationAndLoginTest.command("pepe@example.com", "Pepe"))
                .businessId();
        app.operators().grant("lola@example.com");

        assertThat(app.billing().plansOf((Actor.Member) salon.owner, List.of(salon.business, other)))
                .containsEntry(salon.business, PLANS.find("pro").orElseThrow())
                .containsEntry(other, PLANS.starting());
    }

    @Test
    void the_plans_offered_start_with_the_one_every_business_is_on() {
        BillingUseCase.Offer offer = app.billing().plans();

        assertThat(offer.plans()).isEqualTo(PLANS.all());
        assertThat(offer.subscriptions()).isTrue();
    }

    @Test
    void a_server_that_bills_no_one_caps_no_one() {
        Salon unbilled = new Salon(InMemoryAdapters.create());
        Business shop = unbilled.app.business().get(unbilled.owner, unbilled.business);
        VoiceToolsUseCase voice = VoiceInteractors.tools(unbilled.app, AllowanceStore.UNLIMITED);
        for (int i = 0; i < 5; i++) {
            VoiceCaller caller = new VoiceCaller(
                    new VoiceConfiguration(shop, VoiceSettings.none(unbilled.business)),
                    Optional.of(new PhoneNumber("+3460000001" + i)),
                    true,
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    "vapi");
            assertThat(voice.book(
                            caller,
                            new VoiceToolsUseCase.BookAppointment(
                                    unbilled.cut,
                                    Optional.empty(),
                                    TUESDAY_TEN.plus(Duration.ofHours(i)),
                                    "Carmen",
                                    Optional.empty(),
                                    "",
                                    "tc",
                                    false)))
                    .isInstanceOf(VoiceToolsUseCase.Booked.class);
        }
        BillingUseCase.Billing billing = unbilled.app.billing().billing(unbilled.owner, unbilled.business);
        assertThat(billing.subscriptions()).isFalse();
        assertThat(billing.voice().overCap()).isFalse();
        assertThat(billing.voice().voiceBookings()).isEqualTo(5);
        assertThat(unbilled.app.billing().cappedVoice(unbilled.owner, unbilled.business))
                .isEmpty();
        assertThatThrownBy(() -> unbilled.app.billing().checkout(unbilled.owner, unbilled.business, "unlimited"))
                .isInstanceOf(InvalidValueException.class);
    }

    private Actor.Member join(Role role) {
        UserId user = app.registerAccount()
                .register(RegistrationAndLoginTest.command(role.code() + "@example.com", role.code() + " own shop"))
                .userId();
        salon.ports.memberships().add(new Membership(salon.business, user, role));
        return (Actor.Member) Actor.member(user);
    }
}
