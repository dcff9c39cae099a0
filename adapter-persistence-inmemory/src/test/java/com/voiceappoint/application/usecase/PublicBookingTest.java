package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.ManageServicesUseCase;
import com.voiceappoint.application.port.in.NotificationsUseCase;
import com.voiceappoint.application.port.in.PublicBookingUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client on the public page: no account, a slug to book on, a token to manage what they booked. */
class PublicBookingTest {
    private static final Instant TUESDAY_TEN = Salon.TUESDAY_TEN;
    private static final Actor WEB = new Actor.Caller(BookingSource.WEB);

    private final Salon salon = new Salon();
    private final OutboundPorts ports = salon.ports;
    private final UseCases app = salon.app;
    private final PublicBookingUseCase web = app.publicBooking();
    private final Actor owner = salon.owner;
    private final BusinessId business = salon.business;
    private final Service cut = salon.cut;

    @BeforeEach
    void retireAService() {
        Service retired = salon.service("Perm");
        app.services()
                .update(
                        owner,
                        retired.id(),
                        new ManageServicesUseCase.Changes(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(false),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));
    }

    private PublicBookingUseCase.Booked book(
            Instant start, String phone, Optional<String> email, Optional<String> key) {
        return web.book(BookAppointmentUseCase.Command.builder(
                        WEB,
                        business,
                        cut.id(),
                        start,
                        new BookAppointmentUseCase.ClientDetails("Carmen", Optional.of(phone), email),
                        BookingSource.WEB)
                .idempotencyKey(key)
                .build());
    }

    @Test
    void the_page_shows_what_is_offered_and_when_and_unknown_slugs_are_not_found() {
        var page = web.page(web.business("lola").id());

        assertThat(page.business().name()).isEqualTo("Lola");
        assertThat(page.services()).extracting(Service::name).containsExactly("Cut");
        assertThat(page.weeklyHours().on(DayOfWeek.MONDAY)).hasSize(1);
        assertThat(page.providers()).extracting(p -> p.displayName()).containsExactly("Lola Pérez");
        for (String slug : List.of("nobody", "", "NOT A SLUG", "x".repeat(500))) {
            assertThatThrownBy(() -> web.business(slug)).as(slug).isInstanceOf(NotFoundException.class);
        }
        app.businesses().delete(owner, business);
        assertThatThrownBy(() -> web.business("lola")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_page_says_what_the_business_says_of_itself_and_which_numbers_book_by_voice() {
        var bare = web.page(business);
        assertThat(bare.description()).isEmpty();
        assertThat(bare.address()).isEmpty();
        assertThat(bare.phone()).isEmpty();
        assertThat(bare.voiceNumbers()).isEmpty();

        app.voiceSettings()
                .update(
                        owner,
                        business,
                        new VoiceSettingsUseCase.Changes(
                                Optional.of(true),
                                Optional.of(List.of("+34911234567")),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("Cuts and colour."),
                                Optional.empty()));
        app.notifications()
                .updateSettings(
                        owner,
                        business,
                        new NotificationsUseCase.SettingsChanges(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Optional.of("Calle Mayor 1")),
                                Optional.empty(),
                                Optional.empty()));
        var page = web.page(business);
        assertThat(page.description()).isEqualTo("Cuts and colour.");
        assertThat(page.address()).contains("Calle Mayor 1");
        assertThat(page.phone()).as("its own number, else its voice line").contains(new PhoneNumber("+34911234567"));
        assertThat(page.voiceNumbers()).containsExactly(new PhoneNumber("+34911234567"));

        app.voiceSettings()
                .update(
                        owner,
                        business,
                        new VoiceSettingsUseCase.Changes(
                                Optional.of(false),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));
        assertThat(web.page(business).voiceNumbers()).as("voice booking is off").isEmpty();
    }

    @Test
    void a_web_booking_comes_with_a_token_that_opens_it_and_nothing_else() {
        var booked = book(TUESDAY_TEN, "+34600111222", Optional.empty(), Optional.empty());

        assertThat(booked.result().appointment().source()).isEqualTo(BookingSource.WEB);
        String token = booked.manageToken().orElseThrow();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(web.appointment(token).details().appointment().id())
                .isEqualTo(booked.result().appointment().id());
        assertThat(web.appointment(token).changeableUntil()).isBefore(TUESDAY_TEN);
        for (String wrong : List.of(token + "x", token.substring(1), "", "x".repeat(10_000))) {
            assertThatThrownBy(() -> web.appointment(wrong)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void the_manage_code_comes_with_the_booking_and_on_the_page_its_token_opens() {
        var booked = book(TUESDAY_TEN, "+34600111222", Optional.empty(), Optional.empty());

        String code = booked.manageCode().orElseThrow();
        assertThat(code).matches("\\d{6}");
        assertThat(web.appointment(booked.manageToken().orElseThrow()).manageCode())
                .contains(code);
        assertThatThrownBy(() -> book(TUESDAY_TEN, "+34600111222", Optional.empty(), Optional.empty()))
                .as("a repeat without the key is no proof of being the booker")
                .isInstanceOfSatisfying(
                        BookingRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(RefusalReason.SLOT_TAKEN));
    }

    @Test
    void a_repeat_without_the_key_is_a_taken_time_a_retry_with_it_gets_a_fresh_token_and_the_first_still_works() {
        var first = book(TUESDAY_TEN, "+34600111222", Optional.empty(), Optional.of("web-1"));

        // anyone who knows Carmen's number could send this: it must not tell them she has an appointment then, nor
        // hand out what it is or a way to cancel it
        assertThatThrownBy(() -> book(TUESDAY_TEN, "+34600111222", Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(BookingRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(RefusalReason.SLOT_TAKEN);
                    assertThat(refused.alternatives()).noneMatch(a -> a.start().equals(TUESDAY_TEN));
                });

        var retry = book(TUESDAY_TEN, "+34600111222", Optional.empty(), Optional.of("web-1"));
        assertThat(retry.result().replay()).isEqualTo(BookAppointmentUseCase.Replay.SAME_KEY);
        assertThat(web.appointment(retry.manageToken().orElseThrow())
                        .details()
                        .appointment()
                        .id())
                .isEqualTo(first.result().appointment().id());
        // the first answer may never have arrived, or may be the page the client kept: every link given out works
        assertThat(web.appointment(first.manageToken().orElseThrow())
                        .details()
                        .appointment()
                        .id())
                .isEqualTo(first.result().appointment().id());
    }

    @Test
    void a_web_form_does_not_attach_an_email_to_someone_elses_number() {
        book(TUESDAY_TEN, "+34600111222", Optional.empty(), Optional.empty());
        book(TUESDAY_TEN.plusSeconds(3600), "+34600111222", Optional.of("mallory@example.com"), Optional.empty());

        assertThat(ports.clients()
                        .findByContact(business, Optional.of(new PhoneNumber("+34600111222")), Optional.empty()))
                .hasValueSatisfying(c -> assertThat(c.email()).isEmpty());
        assertThat(ports.clients()
                        .findByContact(
                                business, Optional.empty(), Optional.of(new EmailAddress("mallory@example.com"))))
                .isEmpty();
    }

    @Test
    void the_client_cancels_or_moves_before_the_cutoff_and_not_after() {
        String token = book(TUESDAY_TEN, "+34600111222", Optional.empty(), Optional.empty())
                .manageToken()
                .orElseThrow();

        var moved = web.reschedule(token, TUESDAY_TEN.plusSeconds(2 * 3600));
        assertThat(moved.details().appointment().start()).isEqualTo(TUESDAY_TEN.plusSeconds(2 * 3600));
        assertThat(moved.details().appointment().status()).isEqualTo(AppointmentStatus.CONFIRMED);

        UseCases justBefore = salon.at(TUESDAY_TEN.plusSeconds(3600));
        assertThatThrownBy(() -> justBefore.publicBooking().cancel(token, "ill"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLATION_TOO_LATE));
        assertThatThrownBy(() -> justBefore.publicBooking().reschedule(token, TUESDAY_TEN.plusSeconds(6 * 3600)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLATION_TOO_LATE));

        var cancelled = web.cancel(token, "ill");
        assertThat(cancelled.details().appointment().cancellation())
                .hasValueSatisfying(c -> assertThat(c.by()).isEqualTo(CancelledBy.CLIENT));
    }
}
