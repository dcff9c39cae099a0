package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import com.voiceappoint.application.port.in.AnswerToolCallUseCase.ToolCall;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CallFacts;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.OperatorsUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.ToolArguments;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceUseCases;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.BusinessUsage;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.testkit.VoiceTenant;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The platform's operators: rights given by e-mail, a list of every business only they see, and what suspending a
 * business means for each way of booking in it.
 */
class PlatformOperatorsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private static final String LOLA_NUMBER = "+34910000001";
    private static final String CARMEN = "+34600111222";
    /** Tuesday 24 November, 10:00 in Madrid. */
    private static final Instant TUESDAY_TEN = Instant.parse("2026-11-24T09:00:00Z");

    private final UseCases app = Interactors.create(InMemoryAdapters.create(), CLOCK);
    private final OperatorsUseCase operators = app.operators();
    private final VoiceTenant lola = VoiceTenant.open(
            app, "lola@example.com", "Peluquería Lola", "Europe/Madrid", "EUR", "es", LOLA_NUMBER, "Corte de pelo");
    private final VoiceTenant bob = VoiceTenant.open(
            app, "bob@example.com", "Bob's Barbers", "Europe/London", "GBP", "en", "+442071234567", "Haircut");
    private final Actor.Member owner = (Actor.Member) lola.owner();
    private final Actor.Member ops = registered("ops@example.com");

    private Actor.Member registered(String email) {
        var account = app.registerAccount()
                .register(new RegisterAccountUseCase.Command(
                        email, "s3cret-enough", "Ops", "en", "Ops Desk", "salon", "UTC", "EUR"));
        return new Actor.Member(account.userId());
    }

    private Actor.Member operator() {
        operators.grant("ops@example.com");
        return ops;
    }

    @Test
    void rights_are_given_to_registered_users_by_e_mail_once_and_taken_back() {
        assertThat(operators.isOperator(ops)).isFalse();

        OperatorsUseCase.Operator granted = operators.grant(" OPS@example.com ");

        assertThat(granted.email().value()).isEqualTo("ops@example.com");
        assertThat(granted.since()).isEqualTo(CLOCK.instant());
        assertThat(operators.grant("ops@example.com")).as("granted again").isEqualTo(granted);
        assertThat(operators.isOperator(ops)).isTrue();
        assertThat(operators.operators()).containsExactly(granted);
        for (String nobody : List.of("nobody@example.com", "not an address", "")) {
            assertThatThrownBy(() -> operators.grant(nobody)).as(nobody).isInstanceOf(NotFoundException.class);
        }

        assertThat(operators.revoke("ops@example.com")).isTrue();
        assertThat(operators.revoke("ops@example.com")).isFalse();
        assertThat(operators.isOperator(ops)).isFalse();
        assertThat(operators.operators()).isEmpty();
    }

    @Test
    void only_operators_see_the_businesses_which_are_searched_by_name_or_slug_and_paged() {
        for (ThrowingCallable notForMembers : List.<ThrowingCallable>of(
                () -> operators.businesses(owner, "", 1),
                () -> operators.business(owner, lola.slug()),
                () -> operators.suspend(owner, bob.slug(), "spam"),
                () -> operators.reactivate(owner, lola.slug(), "ok"))) {
            assertThatThrownBy(notForMembers).isInstanceOf(NotFoundException.class);
        }
        Actor.Member operator = operator();

        OperatorsUseCase.BusinessesPage all = operators.businesses(operator, "  ", 1);

        assertThat(all.businesses())
                .extracting(usage -> usage.business().name())
                .containsExactly("Bob's Barbers", "Ops Desk", "Peluquería Lola");
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.pages()).isEqualTo(1);
        BusinessUsage lolas = all.businesses().get(2);
        assertThat(lolas.members()).isEqualTo(1);
        assertThat(lolas.services()).isEqualTo(2);
        assertThat(operators.businesses(operator, "LOLA", 1).businesses()).containsExactly(lolas);
        assertThat(operators.businesses(operator, bob.slug(), 1).businesses())
                .extracting(usage -> usage.business().slug().value())
                .containsExactly(bob.slug());
        assertThat(operators.businesses(operator, "", 2).businesses())
                .as("past the last page")
                .isEmpty();
        assertThatThrownBy(() -> operators.businesses(operator, "", 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> operators.business(operator, "no-such-business"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_suspension_needs_a_reason_and_is_recorded_with_who_and_when() {
        Actor.Member operator = operator();

        assertThatThrownBy(() -> operators.suspend(operator, lola.slug(), "  "))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> operators.suspend(operator, lola.slug(), "x".repeat(501)))
                .isInstanceOf(InvalidValueException.class);
        assertThat(app.business().get(owner, lola.id()).suspended()).isFalse();

        var suspended = operators.suspend(operator, lola.slug(), " Unpaid invoices ");
        var again = operators.suspend(operator, lola.slug(), "twice");

        assertThat(suspended.usage().business().suspended()).isTrue();
        assertThat(suspended.history())
                .containsExactly(
                        new OperatorsUseCase.Change(true, "Unpaid invoices", "ops@example.com", CLOCK.instant()));
        assertThat(again.history())
                .as("suspending a suspended business records nothing")
                .hasSize(1);
        assertThat(app.business().get(owner, lola.id()).suspended()).isTrue();

        var reactivated = operators.reactivate(operator, lola.slug(), "Paid");

        assertThat(reactivated.usage().business().suspended()).isFalse();
        assertThat(reactivated.history())
                .extracting(OperatorsUseCase.Change::reason)
                .containsExactly("Paid", "Unpaid invoices");
        assertThat(reactivated.usage().lastChange())
                .hasValueSatisfying(change -> assertThat(change.suspended()).isFalse());
    }

    @Test
    void a_suspended_business_takes_no_booking_by_any_channel_until_it_is_reactivated() {
        Actor.Member operator = operator();
        var before = app.bookAppointment().book(booking(owner, BookingSource.DASHBOARD, TUESDAY_TEN));
        var changeable = before.details().appointment().id();
        var cancellable =
                app.bookAppointment().book(booking(owner, BookingSource.DASHBOARD, TUESDAY_TEN.plusSeconds(3600)));

        operators.suspend(operator, lola.slug(), "Unpaid invoices");

        assertSuspended(() -> app.publicBooking()
                .book(booking(new Actor.Caller(BookingSource.WEB), BookingSource.WEB, TUESDAY_TEN.plusSeconds(7200))));
        assertSuspended(
                () -> app.bookAppointment().book(booking(owner, BookingSource.API, TUESDAY_TEN.plusSeconds(7200))));
        assertSuspended(() -> app.findAvailableSlots()
                .find(new FindAvailableSlotsQuery.Query(
                        new Actor.Caller(BookingSource.WEB),
                        lola.id(),
                        new ServiceId(UUID.fromString(lola.cut())),
                        LocalDate.of(2026, 11, 24),
                        LocalDate.of(2026, 11, 24),
                        Optional.empty())));
        assertSuspended(() -> app.changeAppointment()
                .reschedule(owner, changeable, TUESDAY_TEN.plusSeconds(10_800), Optional.empty()));
        assertThat(voice(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_name", "Corte de pelo", "date", "2026-11-24")))
                .contains("Peluquería Lola no está aceptando reservas por teléfono ahora mismo");
        assertThat(voice(
                        AnswerToolCallUseCase.BOOK,
                        Map.of("service_name", "Corte de pelo", "start", "2026-11-24T17:00", "name", "Carmen")))
                .contains("no está aceptando reservas por teléfono");
        // what the business has stays its own: read, and cancelled, as before
        assertThat(app.business().get(owner, lola.id()).name()).isEqualTo("Peluquería Lola");
        assertThat(app.changeAppointment()
                        .cancel(owner, cancellable.details().appointment().id(), "client called")
                        .appointment()
                        .status())
                .isEqualTo(AppointmentStatus.CANCELLED);

        operators.reactivate(operator, lola.slug(), "Paid");

        assertThat(app.publicBooking()
                        .book(booking(
                                new Actor.Caller(BookingSource.WEB), BookingSource.WEB, TUESDAY_TEN.plusSeconds(7200)))
                        .result()
                        .details()
                        .appointment()
                        .status())
                .isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(voice(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_name", "Corte de pelo", "date", "2026-11-24")))
                .doesNotContain("no está aceptando reservas");
        AppointmentId moved = app.changeAppointment()
                .reschedule(owner, changeable, TUESDAY_TEN.plusSeconds(10_800), Optional.empty())
                .appointment()
                .id();
        assertThat(moved).isEqualTo(changeable);
    }

    private BookAppointmentUseCase.Command booking(Actor actor, BookingSource source, Instant start) {
        return BookAppointmentUseCase.Command.builder(
                        actor,
                        lola.id(),
                        new ServiceId(UUID.fromString(lola.cut())),
                        start,
                        new BookAppointmentUseCase.ClientDetails("Carmen", Optional.of(CARMEN), Optional.empty()),
                        source)
                .build();
    }

    private static void assertSuspended(ThrowingCallable booking) {
        assertThatThrownBy(booking)
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.BUSINESS_SUSPENDED));
    }

    /** What the assistant is told to say when a caller of Lola's number asks for this tool. */
    private String voice(String tool, Map<String, String> arguments) {
        VoiceUseCases voice = VoiceInteractors.create(app, AllowanceStore.UNLIMITED, Language.ES, CLOCK);
        var route = voice.routing()
                .find(new CallFacts(
                        "vapi",
                        Optional.of("call-" + UUID.randomUUID()),
                        CallFacts.Kind.INBOUND_PSTN,
                        Optional.empty(),
                        Optional.of(CARMEN),
                        Optional.of(LOLA_NUMBER),
                        Optional.empty(),
                        Map.of()));
        AnswerToolCallUseCase.Answer answer = voice.tools()
                .answer(route, new ToolCall("tc-1", tool, new ToolArguments(arguments, Map.of()), List.of()))
                .answer();
        return answer.result().or(answer::error).orElseThrow();
    }
}
