package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceUseCases;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.application.usecase.VoiceInteractors;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.testkit.VoicePlatformDriver.CallKind;
import com.voiceappoint.testkit.VoicePlatformDriver.Said;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every voice platform's adapter must get right, whatever its protocol: a call belongs to the business whose
 * line it is on and to no other, whatever its variables or arguments claim; the tools book, hold, cancel and
 * reschedule for it, once per tool call however often the platform retries; a call for none of our businesses is
 * told so; and each business is answered in its own language.
 *
 * <p>A platform's test extends this with its {@link VoicePlatformDriver}, built over the voice ports it is given. Two
 * businesses take calls: Peluquería Lola in Madrid (Spanish, on {@value #LOLA_NUMBER}) and Bob's Barbers in London
 * (English, on {@value #BOB_NUMBER}), each with its owner, "Owner", taking appointments on weekdays; it is Monday 23
 * November 2026, 09:00 in Madrid. A call for no business is answered in Spanish, the server's language.
 */
public abstract class VoicePlatformContract {
    protected static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    protected static final Language DEFAULT_LANGUAGE = Language.ES;
    protected static final String LOLA_NUMBER = "+34910000001";
    protected static final String BOB_NUMBER = "+442071234567";
    protected static final String CARMEN = "+34600111222";
    private static final Pattern APPOINTMENT = Pattern.compile("appointment_id ([0-9a-f-]{36})");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private VoicePlatformDriver platform;
    private VoiceTenant lola;
    private VoiceTenant bob;

    /**
     * The platform's adapter over {@code voice}, answering anything it cannot itself route in
     * {@link #DEFAULT_LANGUAGE}.
     */
    protected abstract VoicePlatformDriver driver(VoiceUseCases voice, Clock clock);

    /** Empty stores for the application the platform's adapter drives, made anew before each test. */
    protected abstract OutboundPorts stores();

    @BeforeEach
    void openTwoBusinesses() {
        UseCases app = Interactors.create(stores(), clock);
        lola = VoiceTenant.open(
                app, "lola@example.com", "Peluquería Lola", "Europe/Madrid", "EUR", "es", LOLA_NUMBER, "Corte de pelo");
        bob = VoiceTenant.open(
                app, "bob@example.com", "Bob's Barbers", "Europe/London", "GBP", "en", BOB_NUMBER, "Haircut");
        platform = driver(VoiceInteractors.create(app, AllowanceStore.UNLIMITED, DEFAULT_LANGUAGE, clock), clock);
    }

    @Test
    void a_call_is_for_the_business_whose_number_was_dialled() {
        Said atLola = phone("call-1", LOLA_NUMBER).callTool("1", AnswerToolCallUseCase.SERVICES, Map.of());
        Said atBob = phone("call-2", BOB_NUMBER).callTool("1", AnswerToolCallUseCase.SERVICES, Map.of());

        assertThat(atLola.error()).isFalse();
        assertThat(atLola.words())
                .startsWith("Servicios de Peluquería Lola: ")
                .contains("Corte de pelo, 30 minutos, 18,50")
                .doesNotContain("Haircut");
        assertThat(atBob.words())
                .startsWith("Bob's Barbers offers: ")
                .contains("Haircut, 30 minutes, £18.50")
                .doesNotContain("Corte");
    }

    @Test
    void another_business_named_by_the_call_s_variables_is_refused() {
        VoicePlatformDriver.Call call = platform.placeCall(
                "call-1",
                Optional.of(LOLA_NUMBER),
                Optional.of(CARMEN),
                CallKind.SIP,
                Map.of("business_slug", bob.slug()));

        Said said = call.callTool("1", AnswerToolCallUseCase.BOOK, booking(bob.cut(), "2026-11-24T10:00", "Carmen"));

        assertThat(said).isEqualTo(refusedForLola());
    }

    @Test
    void another_business_named_in_the_arguments_is_refused() {
        Map<String, String> arguments = Map.of(
                "business_slug",
                bob.slug(),
                "service_id",
                bob.cut(),
                "start",
                "2026-11-24T10:00",
                "client_name",
                "Carmen");

        Said said = phone("call-1", LOLA_NUMBER).callTool("1", AnswerToolCallUseCase.BOOK, arguments);

        assertThat(said).isEqualTo(refusedForLola());
        assertThat(mine(phone("call-2", LOLA_NUMBER)).words()).isEqualTo("No encuentro citas próximas a tu número.");
    }

    @Test
    void a_tool_call_books_the_time_asked_for() {
        Said said = phone("call-1", LOLA_NUMBER)
                .callTool("1", AnswerToolCallUseCase.BOOK, booking(lola.cut(), "2026-11-24T10:00", "Carmen"));

        assertThat(said.error()).isFalse();
        assertThat(said.words())
                .startsWith("Reservado: Corte de pelo el martes 24 de noviembre a las 10:00 con Owner.");
        assertThat(mine(phone("call-2", LOLA_NUMBER)).words())
                .startsWith("Tus próximas citas: Corte de pelo el martes 24 de noviembre a las 10:00");
    }

    @Test
    void a_retried_tool_call_books_once_and_another_call_s_tool_call_of_the_same_id_books_again() {
        VoicePlatformDriver.Call first = phone("call-1", LOLA_NUMBER);
        Said booked =
                first.callTool("1", AnswerToolCallUseCase.BOOK, booking(lola.cut(), "2026-11-24T10:00", "Carmen"));
        Said retried =
                first.callTool("1", AnswerToolCallUseCase.BOOK, booking(lola.cut(), "2026-11-24T10:00", "Carmen"));
        Said later = phone("call-2", LOLA_NUMBER)
                .callTool("1", AnswerToolCallUseCase.BOOK, booking(lola.cut(), "2026-11-24T11:00", "Carmen"));

        assertThat(booked.words()).startsWith("Reservado: Corte de pelo el martes 24 de noviembre a las 10:00");
        assertThat(retried.words())
                .startsWith("Ya estaba reservado: Corte de pelo el martes 24 de noviembre a las 10:00")
                .contains("appointment_id " + appointmentOf(booked) + ".");
        assertThat(later.words()).startsWith("Reservado: Corte de pelo el martes 24 de noviembre a las 11:00");
    }

    @Test
    void a_phone_call_holds_a_time_and_a_web_call_may_not() {
        Map<String, String> hold = booking(lola.cut(), "2026-11-24T10:00", "Carmen");

        Said held = phone("call-1", LOLA_NUMBER).callTool("1", AnswerToolCallUseCase.HOLD, hold);
        Said fromTheWeb = platform.placeCall(
                        "call-2",
                        Optional.empty(),
                        Optional.empty(),
                        CallKind.WEB,
                        Map.of("business_slug", lola.slug()))
                .callTool("1", AnswerToolCallUseCase.HOLD, hold);

        assertThat(held.words())
                .startsWith("Guardo Corte de pelo el martes 24 de noviembre a las 10:00 con Owner hasta las");
        assertThat(fromTheWeb)
                .isEqualTo(new Said("Eso no se puede hacer desde la web: reserva directamente una hora libre.", true));
    }

    @Test
    void the_caller_cancels_an_appointment_from_their_own_number() {
        String appointment = appointmentOf(phone("call-1", LOLA_NUMBER)
                .callTool("1", AnswerToolCallUseCase.BOOK, booking(lola.cut(), "2026-11-24T10:00", "Carmen")));

        Said said = phone("call-2", LOLA_NUMBER)
                .callTool("1", AnswerToolCallUseCase.CANCEL, Map.of("appointment_id", appointment));

        assertThat(said)
                .isEqualTo(
                        new Said("Cancelada tu cita de Corte de pelo del martes 24 de noviembre a las 10:00.", false));
        assertThat(mine(phone("call-3", LOLA_NUMBER)).words()).isEqualTo("No encuentro citas próximas a tu número.");
    }

    @Test
    void the_caller_moves_an_appointment_from_their_own_number() {
        String appointment = appointmentOf(phone("call-1", LOLA_NUMBER)
                .callTool("1", AnswerToolCallUseCase.BOOK, booking(lola.cut(), "2026-11-24T10:00", "Carmen")));

        Said said = phone("call-2", LOLA_NUMBER)
                .callTool(
                        "1",
                        AnswerToolCallUseCase.RESCHEDULE,
                        Map.of("appointment_id", appointment, "start", "2026-11-25T11:00"));

        assertThat(said)
                .isEqualTo(new Said(
                        "Cambiada: Corte de pelo ahora es el miércoles 25 de noviembre a las 11:00. appointment_id "
                                + appointment
                                + ".",
                        false));
    }

    @Test
    void a_call_on_a_number_no_business_answers_is_told_so() {
        Said said = phone("call-1", "+34910999999").callTool("1", AnswerToolCallUseCase.SERVICES, Map.of());

        assertThat(said)
                .isEqualTo(new Said("Lo siento, este negocio no atiende reservas por teléfono ahora mismo.", true));
    }

    @Test
    void each_business_is_answered_in_its_own_language() {
        Said said = phone("call-1", BOB_NUMBER)
                .callTool("1", AnswerToolCallUseCase.BOOK, booking(bob.cut(), "2026-11-24T10:00", "Carmen"));

        assertThat(said.words()).startsWith("Booked: Haircut on Tuesday 24 November at 10:00 with Owner.");
        assertThat(mine(phone("call-2", BOB_NUMBER)).words())
                .startsWith("Your upcoming appointments: Haircut on Tuesday 24 November at 10:00");
    }

    /** Carmen calling from her phone, over the phone network, which vouches for her number. */
    private VoicePlatformDriver.Call phone(String callId, String dialled) {
        return platform.placeCall(callId, Optional.of(dialled), Optional.of(CARMEN), CallKind.PSTN, Map.of());
    }

    private static Said mine(VoicePlatformDriver.Call call) {
        return call.callTool("mine", AnswerToolCallUseCase.MINE, Map.of());
    }

    private static Said refusedForLola() {
        return new Said("Esta llamada es de Peluquería Lola: solo puedo ayudarte con Peluquería Lola.", true);
    }

    private static Map<String, String> booking(String service, String start, String name) {
        return Map.of("service_id", service, "start", start, "client_name", name);
    }

    private static String appointmentOf(Said said) {
        Matcher found = APPOINTMENT.matcher(said.words());
        assertThat(found.find()).as(said.words()).isTrue();
        return found.group(1);
    }
}
