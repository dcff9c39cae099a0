package com.voiceappoint.adapter.notifications;

import static com.voiceappoint.adapter.notifications.MessageFixture.MANAGE_LINK;
import static com.voiceappoint.adapter.notifications.MessageFixture.PAY_LINK;
import static com.voiceappoint.adapter.notifications.MessageFixture.a;
import static com.voiceappoint.adapter.notifications.MessageFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.voiceappoint.application.port.out.Message;
import com.voiceappoint.application.port.out.MessageTemplates.Email;
import com.voiceappoint.application.port.out.MessageTemplates.PasswordResetLink;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class JteMessageTemplatesTest {
    private final JteMessageTemplates templates = new JteMessageTemplates();

    static Stream<Arguments> everyKindInEveryLanguage() {
        return Stream.of(MessageKind.values())
                .flatMap(kind -> Stream.of(Language.values()).map(language -> Arguments.of(kind, language)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindInEveryLanguage")
    void every_email_names_the_business_the_appointment_and_its_time_in_both_parts(
            MessageKind kind, Language language) {
        Email email = templates.email(message(kind, language));
        String when = language == Language.ES ? "martes 8 de diciembre, 10:00" : "Tuesday 8 December, 10:00";

        assertThat(email.subject()).isNotBlank().doesNotContain("\n").contains(when);
        for (String part : List.of(email.html(), email.text())) {
            assertThat(part)
                    .contains("Peluquería Carmen Centro", "Corte y peinado", "Lucía", when)
                    .contains("Calle de Alcalá 123, 28009 Madrid", "+34910123456");
            if (kind.forStaff()) {
                assertThat(part).contains("María José López").doesNotContain(MANAGE_LINK);
            } else if (kind == MessageKind.PAYMENT_REFUNDED) {
                assertThat(part)
                        .as("the time went to someone else: nothing to manage")
                        .doesNotContain(MANAGE_LINK);
            } else {
                assertThat(part).contains(MANAGE_LINK);
            }
        }
        assertThat(email.html()).startsWith("<!DOCTYPE html>").contains("lang=\"" + language.code() + "\"");
        assertThat(email.text()).doesNotContain("<", "&amp;").doesNotContain("\n\n\n");
    }

    @Test
    void the_words_are_the_language_s_own() {
        Email es = templates.email(message(MessageKind.CONFIRMED, Language.ES));
        Email en = templates.email(message(MessageKind.CONFIRMED, Language.EN));

        assertThat(es.subject()).isEqualTo("Cita confirmada: Corte y peinado, martes 8 de diciembre, 10:00");
        assertThat(es.text())
                .startsWith("Hola, María José López:\n\nSu cita en Peluquería Carmen Centro está confirmada.");
        assertThat(en.subject()).isEqualTo("Appointment confirmed: Corte y peinado, Tuesday 8 December, 10:00");
        assertThat(en.text())
                .startsWith("Hello María José López,\n\nYour appointment at Peluquería Carmen Centro is confirmed.");
    }

    @Test
    void a_reminder_call_opens_with_the_appointment_and_what_the_client_can_do_in_their_language() {
        assertThat(templates.callOpening(message(MessageKind.REMINDER, Language.ES)))
                .startsWith("Hola, ")
                .contains("para recordarle su cita", "martes 8 de diciembre, 10:00", "cambiarla o anularla")
                .doesNotContain("\n");
        assertThat(templates.callOpening(message(MessageKind.REMINDER, Language.EN)))
                .startsWith("Hello ")
                .contains("to remind you of your", "Tuesday 8 December, 10:00", "move it or cancel it");
    }

    @Test
    void the_time_is_the_one_in_the_business_s_zone_whatever_the_server_s() {
        ZonedDateTime newYork = ZonedDateTime.of(2026, 12, 8, 16, 30, 0, 0, ZoneId.of("America/New_York"));
        Email email = templates.email(
                a(MessageKind.REMINDER, Language.EN).start(newYork).build());

        assertThat(email.text()).contains("Tuesday 8 December, 16:30");
    }

    @Test
    void a_moved_appointment_says_when_it_was() {
        assertThat(templates.email(message(MessageKind.MOVED, Language.ES)).text())
                .contains("Fecha y hora: martes 8 de diciembre, 10:00", "Antes: lunes 7 de diciembre, 17:00");
        assertThat(templates.email(message(MessageKind.MOVED, Language.EN)).text())
                .contains("Date and time: Tuesday 8 December, 10:00", "Was: Monday 7 December, 17:00");
    }

    @Test
    void a_cancellation_says_who_called_the_appointment_off() {
        String byBusinessEs = lead(MessageKind.CANCELLED, Language.ES, CancelledBy.BUSINESS);
        String byClientEs = lead(MessageKind.CANCELLED, Language.ES, CancelledBy.CLIENT);
        String byBusinessEn = lead(MessageKind.CANCELLED, Language.EN, CancelledBy.BUSINESS);
        String byClientEn = lead(MessageKind.CANCELLED, Language.EN, CancelledBy.CLIENT);

        assertThat(byBusinessEs).contains("ha tenido que anular su cita").contains("Puede reservar otra hora");
        assertThat(byClientEs).contains("Hemos recibido su anulación");
        assertThat(byBusinessEn).contains("has had to cancel your appointment");
        assertThat(byClientEn).contains("We have your cancellation");
        assertThat(lead(MessageKind.STAFF_CANCELLATION, Language.ES, CancelledBy.CLIENT))
                .contains("María José López ha anulado su cita");
        assertThat(lead(MessageKind.STAFF_CANCELLATION, Language.EN, CancelledBy.BUSINESS))
                .contains("The business has cancelled María José López's appointment");
        assertThat(templates.sms(a(MessageKind.CANCELLED, Language.ES)
                        .cancelledBy(Optional.of(CancelledBy.BUSINESS))
                        .build()))
                .contains("sentimos tener que anular");
    }

    @Test
    void a_staff_alert_says_where_the_booking_came_from() {
        assertThat(staffNewBooking(Language.ES, BookingSource.VOICE).subject())
                .startsWith("Nueva cita por teléfono: María José López");
        assertThat(staffNewBooking(Language.ES, BookingSource.VOICE).text())
                .contains("por teléfono, con el asistente de voz");
        assertThat(staffNewBooking(Language.EN, BookingSource.VOICE).subject()).startsWith("New booking by phone:");
        assertThat(staffNewBooking(Language.ES, BookingSource.WEB).subject()).startsWith("Nueva cita en la web:");
        assertThat(staffNewBooking(Language.EN, BookingSource.WEB).subject()).startsWith("New booking on the web:");
        assertThat(staffNewBooking(Language.ES, BookingSource.API).subject()).startsWith("Nueva cita por la API:");
        assertThat(staffNewBooking(Language.EN, BookingSource.API).subject())
                .startsWith("New booking through the API:");
        assertThat(staffNewBooking(Language.EN, BookingSource.DASHBOARD).text()).contains("Booked: from the dashboard");
    }

    @ParameterizedTest
    @EnumSource(
            value = MessageKind.class,
            names = {"CONFIRMED", "STAFF_NEW_BOOKING"})
    void names_are_printed_as_text_in_the_html_part_never_as_markup(MessageKind kind) {
        Email email = templates.email(a(kind, Language.EN)
                .clientName("<script>alert('x')</script>")
                .businessName("Cuts & \"Curls\"")
                .build());

        assertThat(email.html())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert('x')&lt;/script&gt;")
                .contains("<h1 style=\"margin:0;font-size:20px;\">Cuts &amp; \"Curls\"</h1>");
        assertThat(email.text()).contains("<script>alert('x')</script>", "Cuts & \"Curls\"");
    }

    @Test
    void a_booking_its_move_and_its_cancellation_are_one_calendar_entry() {
        ZonedDateTime later = MessageFixture.START.plusDays(2).withHour(12);
        VEvent booked = event(message(MessageKind.CONFIRMED, Language.ES), "REQUEST");
        VEvent moved =
                event(a(MessageKind.MOVED, Language.ES).start(later).sequence(1).build(), "REQUEST");
        VEvent cancelled = event(
                a(MessageKind.CANCELLED, Language.ES).start(later).sequence(2).build(), "CANCEL");

        String uid = "5b0f7c2e-8a41-4d6b-9e3f-1c2d3e4f5a6b@voiceappoint";
        assertThat(List.of(booked, moved, cancelled))
                .extracting(e -> e.getUid().getValue())
                .containsOnly(uid);
        assertThat(List.of(booked, moved, cancelled))
                .extracting(e -> e.getSequence().getValue())
                .containsExactly(0, 1, 2);
        assertThat(booked.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-08T09:00:00Z"));
        assertThat(booked.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-08T09:45:00Z"));
        assertThat(moved.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-10T11:00:00Z"));
        assertThat(booked.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(booked.getSummary().getValue()).isEqualTo("Corte y peinado en Peluquería Carmen Centro");
        assertThat(booked.getLocation().getValue()).isEqualTo("Calle de Alcalá 123, 28009 Madrid");
        assertThat(booked.getUrl().getValue()).isEqualTo(MANAGE_LINK);
    }

    @Test
    void the_calendar_file_is_in_utc_with_no_time_zone_block() {
        String ics = templates
                .email(message(MessageKind.CONFIRMED, Language.EN))
                .calendar()
                .orElseThrow();

        assertThat(ics)
                .contains("METHOD:REQUEST", "DTSTART:20261208T090000Z", "DTEND:20261208T094500Z", "SEQUENCE:0")
                .doesNotContain("VTIMEZONE");
    }

    @ParameterizedTest
    @EnumSource(
            value = MessageKind.class,
            names = {
                "REMINDER",
                "STAFF_NEW_BOOKING",
                "STAFF_CANCELLATION",
                "STAFF_CLIENT_REPLY",
                "PAYMENT_REQUEST",
                "PAYMENT_REFUNDED",
                "STAFF_PAYMENT_REFUNDED"
            })
    void reminders_staff_alerts_and_payment_messages_carry_no_calendar_file(MessageKind kind) {
        assertThat(templates.email(message(kind, Language.ES)).calendar()).isEmpty();
    }

    @Test
    void a_forwarded_reply_carries_the_client_s_words_escaped_in_html_and_as_written_in_text() {
        Email email = templates.email(message(MessageKind.STAFF_CLIENT_REPLY, Language.ES));

        assertThat(email.subject())
                .isEqualTo("Respuesta de María José López por SMS: Corte y peinado, " + "martes 8 de diciembre, 10:00");
        assertThat(email.text()).contains("Mensaje del cliente: " + MessageFixture.CLIENT_REPLY);
        assertThat(email.html()).contains("Llegaré 10 minutos tarde, ¿vale? Gracias &amp; perdón");
        assertThat(email.calendar()).isEmpty();
    }

    @Test
    void both_languages_have_every_sentence() throws IOException {
        assertThat(bundle("es").stringPropertyNames()).isEqualTo(bundle("en").stringPropertyNames());
    }

    /**
     * The budget: every text message, every kind, both languages, each way a cancellation and a booking can come, is
     * one GSM-7 segment (160 characters) with a business called "Peluquería Carmen Centro", a client called "María
     * José López", "Corte y peinado" with "Lucía", a 60-character manage link, and the longest short date either
     * language writes (Wednesday 30 September: "mié 30 sept, 10:00"). Accents outside GSM-7 in the names are folded
     * to their plain letter (see {@link GsmText}), so "Peluquería" arrives as "Peluqueria". A request to pay carries
     * the link to pay instead of the manage link, and names no service or date (the client booked a moment ago), to
     * make room for it: an 84-character link ({@link MessageFixture#PAY_LINK}) and a deposit of "18,50 €".
     */
    static Stream<Message> everyTextMessage() {
        ZonedDateTime longestDate = ZonedDateTime.of(2026, 9, 30, 10, 0, 0, 0, MessageFixture.MADRID);
        List<Message> messages = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            for (Language language : Language.values()) {
                for (Optional<CancelledBy> who : List.of(
                        Optional.<CancelledBy>empty(),
                        Optional.of(CancelledBy.CLIENT),
                        Optional.of(CancelledBy.BUSINESS))) {
                    for (BookingSource source : BookingSource.values()) {
                        messages.add(a(kind, language)
                                .start(longestDate)
                                .cancelledBy(who)
                                .source(source)
                                .build());
                    }
                }
            }
        }
        return messages.stream();
    }

    @ParameterizedTest
    @MethodSource("everyTextMessage")
    void every_text_message_is_one_gsm_7_segment(Message message) {
        String sms = templates.sms(message);

        assertThat(GsmText.isGsm(sms)).as("GSM-7 only: %s", sms).isTrue();
        assertThat(GsmText.septets(sms)).as(sms).isLessThanOrEqualTo(GsmText.SINGLE_GSM);
        assertThat(GsmText.segments(sms)).isEqualTo(1);
        assertThat(sms).startsWith("Peluqueria Carmen Centro: ").doesNotContain("\n");
        MessageKind kind = message.kind();
        if (kind != MessageKind.PAYMENT_REQUEST && kind != MessageKind.PAYMENT_REFUNDED) {
            assertThat(sms).contains("Corte y peinado");
        }
        boolean offersLink = kind == MessageKind.CONFIRMED || kind == MessageKind.MOVED || kind == MessageKind.REMINDER;
        assertThat(sms.endsWith(" " + MANAGE_LINK)).isEqualTo(offersLink);
        assertThat(sms.endsWith(" " + PAY_LINK)).isEqualTo(kind == MessageKind.PAYMENT_REQUEST);
        if (message.kind().forStaff()) {
            assertThat(sms).contains("Maria José Lopez", "Lucia");
        }
    }

    @ParameterizedTest(name = "in {0}")
    @EnumSource(Language.class)
    void the_password_reset_email_carries_its_link_and_lifetime_in_both_parts(Language language) {
        String link = "https://citas.example/password/reset/abc_DEF-123";
        Email email = templates.passwordReset(
                new PasswordResetLink(language, "Lucía <Admin>", link, java.time.Duration.ofHours(1)));

        assertThat(email.subject()).isNotBlank().doesNotContain("\n").contains("VoiceAppoint");
        assertThat(email.calendar()).isEmpty();
        assertThat(email.html())
                .startsWith("<!DOCTYPE html>")
                .contains("lang=\"" + language.code() + "\"", "href=\"" + link + "\"", "60", "Lucía &lt;Admin&gt;");
        assertThat(email.text()).contains(link, "60", "Lucía <Admin>").doesNotContain("&lt;", "\n\n\n");
        assertThat(email.text()).startsWith(language == Language.ES ? "Hola, Lucía <Admin>:" : "Hello Lucía <Admin>,");
        assertThat(templates
                        .passwordReset(new PasswordResetLink(language, "", link, java.time.Duration.ofHours(1)))
                        .text())
                .startsWith(language == Language.ES ? "Hola:" : "Hello,");
    }

    @Test
    void the_text_messages_own_words_need_no_folding() throws IOException {
        for (String language : List.of("es", "en")) {
            Properties words = bundle(language);
            for (String key : words.stringPropertyNames()) {
                if (key.contains(".sms") || key.matches("source\\.[a-z]+")) {
                    assertThat(GsmText.isGsm(words.getProperty(key)))
                            .as("%s in %s", key, language)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void the_short_dates_of_text_messages_read_in_the_language() {
        assertThat(templates.sms(message(MessageKind.CONFIRMED, Language.ES)))
                .isEqualTo("Peluqueria Carmen Centro: cita confirmada, Corte y peinado, mar 8 dic, 10:00. Gestionar: "
                        + MANAGE_LINK);
        assertThat(templates.sms(message(MessageKind.REMINDER, Language.EN)))
                .isEqualTo("Peluqueria Carmen Centro: see you Tue 8 Dec, 10:00 for your Corte y peinado. Manage: "
                        + MANAGE_LINK);
    }

    @Test
    void a_request_to_pay_says_how_much_by_when_and_has_a_button_to_pay() {
        Email en = templates.email(message(MessageKind.PAYMENT_REQUEST, Language.EN));
        Email es = templates.email(message(MessageKind.PAYMENT_REQUEST, Language.ES));

        assertThat(en.subject())
                .isEqualTo("Pay the deposit to keep your appointment: Corte y peinado, Tuesday 8 December, 10:00");
        assertThat(en.text())
                .contains(
                        "is kept for you until Monday 7 December, 17:31: to confirm it, pay the deposit of €18.50",
                        "Deposit: €18.50",
                        "Pay by: Monday 7 December, 17:31",
                        "Pay €18.50: " + PAY_LINK,
                        "See, move or cancel your appointment: " + MANAGE_LINK);
        assertThat(en.html()).contains("href=\"" + PAY_LINK + "\"", ">Pay €18.50</a>", "href=\"" + MANAGE_LINK + "\"");
        assertThat(en.html().indexOf(PAY_LINK))
                .as("the button to pay comes first")
                .isLessThan(en.html().indexOf(MANAGE_LINK));
        assertThat(es.subject())
                .isEqualTo("Pague el depósito para guardar su cita: Corte y peinado, martes 8 de diciembre, 10:00");
        assertThat(es.text())
                .contains(
                        "hasta el lunes 7 de diciembre, 17:31: para confirmarla, pague antes el depósito de 18,50\u00a0€",
                        "Depósito: 18,50\u00a0€",
                        "Plazo para pagar: lunes 7 de diciembre, 17:31",
                        "Pagar 18,50\u00a0€: " + PAY_LINK);
        assertThat(es.html()).contains(">Pagar 18,50\u00a0€</a>");
    }

    @Test
    void a_request_to_pay_by_text_is_the_amount_the_time_and_the_link_and_a_whole_amount_has_no_cents() {
        assertThat(templates.sms(message(MessageKind.PAYMENT_REQUEST, Language.EN)))
                .isEqualTo("Peluqueria Carmen Centro: to keep your time, pay €18.50 by 17:31: " + PAY_LINK);
        assertThat(templates.sms(message(MessageKind.PAYMENT_REQUEST, Language.ES)))
                .isEqualTo("Peluqueria Carmen Centro: pague la señal de 18,50 € antes de las 17:31: " + PAY_LINK);
        assertThat(templates.sms(a(MessageKind.PAYMENT_REQUEST, Language.ES)
                        .amount(Money.of("15.00", "EUR"))
                        .build()))
                .contains("pague la señal de 15 € antes");
        assertThat(templates
                        .email(a(MessageKind.PAYMENT_REQUEST, Language.EN)
                                .amount(Money.of("15.00", "EUR"))
                                .build())
                        .html())
                .contains(">Pay €15</a>");
    }

    @Test
    void a_request_to_pay_with_a_longer_link_or_a_larger_amount_still_fits_two_segments() {
        // a 33-character public address, a 24-character slug: 99 characters
        String longest = "https://citas.peluqueriacarmen.es/peluqueria-carmen-centro/pay/"
                + "9d2e4b1a-7c3f-4e8d-b6a5-0f1e2d3c4b5a";
        for (Language language : Language.values()) {
            String sms = templates.sms(a(MessageKind.PAYMENT_REQUEST, language)
                    .amount(Money.of("1250.00", "EUR"))
                    .payLink(longest)
                    .build());
            assertThat(GsmText.isGsm(sms)).as(sms).isTrue();
            assertThat(GsmText.segments(sms)).as(sms).isLessThanOrEqualTo(2);
            assertThat(sms).endsWith(" " + longest);
            String fitting = templates.sms(a(MessageKind.PAYMENT_REQUEST, language)
                    .amount(Money.of("1250.00", "EUR"))
                    .build());
            assertThat(GsmText.segments(fitting)).as(fitting).isEqualTo(1);
        }
    }

    @Test
    void a_late_payment_refunded_tells_the_client_why_and_the_staff_what_happened() {
        Email client = templates.email(message(MessageKind.PAYMENT_REFUNDED, Language.EN));
        Email staff = templates.email(message(MessageKind.STAFF_PAYMENT_REFUNDED, Language.EN));
        Email clientEs = templates.email(message(MessageKind.PAYMENT_REFUNDED, Language.ES));

        assertThat(client.subject())
                .isEqualTo("Your payment has been refunded: Corte y peinado, Tuesday 8 December, 10:00");
        assertThat(client.text())
                .contains(
                        "Your payment of €18.50 for Corte y peinado on Tuesday 8 December, 10:00 reached us after the"
                                + " time had been released and booked by someone else, so we have refunded it in full.",
                        "Refunded: €18.50")
                .doesNotContain(PAY_LINK);
        assertThat(clientEs.text()).contains("se lo hemos devuelto íntegro", "Devuelto: 18,50\u00a0€");
        assertThat(staff.subject()).isEqualTo("Late payment refunded: María José López, Tuesday 8 December, 10:00");
        assertThat(staff.text())
                .contains(
                        "María José López paid €18.50 for Corte y peinado with Lucía",
                        "refunded automatically, in full",
                        "Client: María José López");
        assertThat(templates.sms(message(MessageKind.PAYMENT_REFUNDED, Language.ES)))
                .isEqualTo("Peluqueria Carmen Centro: cuando recibimos su pago de 18,50 €, su hora del mar 8 dic, 10:00"
                        + " ya era de otra persona. Se lo hemos devuelto entero.");
    }

    private String lead(MessageKind kind, Language language, CancelledBy who) {
        return templates
                .email(a(kind, language).cancelledBy(Optional.of(who)).build())
                .text();
    }

    private Email staffNewBooking(Language language, BookingSource source) {
        return templates.email(
                a(MessageKind.STAFF_NEW_BOOKING, language).source(source).build());
    }

    private VEvent event(Message message, String method) {
        String ics = templates.email(message).calendar().orElseThrow();
        ICalendar calendar = Biweekly.parse(ics).first();
        assertThat(calendar.getMethod().getValue()).isEqualTo(method);
        assertThat(calendar.getEvents()).hasSize(1);
        return calendar.getEvents().get(0);
    }

    private static Properties bundle(String language) throws IOException {
        Properties words = new Properties();
        try (InputStream in =
                JteMessageTemplatesTest.class.getResourceAsStream("messages_" + language + ".properties")) {
            words.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }
}
