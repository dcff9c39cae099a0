package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.NotificationSettings;
import com.voiceappoint.domain.notification.QuietHours;
import com.voiceappoint.domain.voice.FaqEntry;
import com.voiceappoint.domain.voice.VoiceSettings;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The settings pages over a socket: each form round-trips in Spanish and English, a form with something wrong comes
 * back with the field's error in the page's language and changes nothing, and only owners and admins can change
 * anything, as in the REST API.
 */
class SettingsPagesTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    private final Salons salons = new Salons(SERVER);

    private static UseCases useCases() {
        return SERVER.useCases();
    }

    private static Business business(Salons.Salon salon) {
        return useCases().business().get(salon.owner(), salon.id());
    }

    private static Map<String, String> businessForm(String name, String timezone) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("businessType", "barbershop");
        form.put("language", "en");
        form.put("timezone", timezone);
        form.put("currency", "usd");
        form.put("country", "mx");
        form.put("address", "Calle Mayor 1, Madrid");
        form.put("description", "Cuts and shaves since 1990.");
        return form;
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "en"})
    void the_business_form_shows_what_is_stored_and_saves_what_is_sent(String language) {
        Salons.Salon salon = salons.found(language);
        Browser owner = salons.browserOf(salon.owner(), salon);

        Browser.Page page = owner.get(salon.at("settings/business"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html lang=\"" + language + "\">", "value=\"Salón Lola\"", "Europe/Madrid")
                .contains(language.equals("es") ? "Nombre del negocio" : "Business name")
                .contains(language.equals("es") ? "Guardar cambios" : "Save changes");

        Browser.Page saved =
                owner.post(salon.at("settings/business"), businessForm("Barbería Pepe", "America/Mexico_City"));

        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).contains(salon.at("settings/business") + "?done=changes");
        Business business = business(salon);
        assertThat(business.name()).isEqualTo("Barbería Pepe");
        assertThat(business.type().code()).isEqualTo("barbershop");
        assertThat(business.language().code()).isEqualTo("en");
        assertThat(business.zone().getId()).isEqualTo("America/Mexico_City");
        assertThat(business.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(business.country())
                .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("MX"));
        assertThat(useCases()
                        .notifications()
                        .settings(salon.owner(), salon.id())
                        .address())
                .contains("Calle Mayor 1, Madrid");
        assertThat(useCases()
                        .voiceSettings()
                        .get(salon.owner(), salon.id())
                        .settings()
                        .description())
                .isEqualTo("Cuts and shaves since 1990.");
        assertThat(owner.get(saved.header("Location").orElseThrow()).body())
                .contains(
                        "role=\"status\"",
                        language.equals("es") ? "Los cambios están guardados." : "Your changes are saved.")
                .contains("value=\"Barbería Pepe\"", "Calle Mayor 1, Madrid", "Cuts and shaves since 1990.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "en"})
    void a_business_form_with_mistakes_names_them_and_changes_nothing(String language) {
        Salons.Salon salon = salons.found(language);
        Browser owner = salons.browserOf(salon.owner(), salon);

        Browser.Page blank = owner.post(salon.at("settings/business"), businessForm(" ", "Europe/Madrid"));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body())
                .contains(language.equals("es") ? "Este campo es obligatorio." : "This field is required.")
                .contains("aria-invalid=\"true\"", "aria-describedby=\"name-error\"", "id=\"name-error\"");

        Browser.Page nowhere = owner.post(salon.at("settings/business"), businessForm("Otro nombre", "Mars/Olympus"));
        assertThat(nowhere.status()).isEqualTo(422);
        assertThat(nowhere.body())
                .contains(language.equals("es") ? "Este valor no es válido." : "This value is not valid.")
                .contains("id=\"timezone-error\"", "value=\"Otro nombre\"");

        Map<String, String> longAddress = businessForm("Otro nombre", "Europe/Madrid");
        longAddress.put("address", "x".repeat(301));
        assertThat(owner.post(salon.at("settings/business"), longAddress).status())
                .isEqualTo(422);

        Business business = business(salon);
        assertThat(business.name()).isEqualTo("Salón Lola");
        assertThat(business.zone().getId()).isEqualTo("Europe/Madrid");
        assertThat(business.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(useCases()
                        .notifications()
                        .settings(salon.owner(), salon.id())
                        .address())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "en"})
    void the_booking_policy_round_trips_and_refuses_numbers_out_of_bounds(String language) {
        Salons.Salon salon = salons.found(language);
        Browser owner = salons.browserOf(salon.owner(), salon);
        assertThat(owner.get(salon.at("settings/policy")).body())
                .contains(language.equals("es") ? "Reglas de reserva" : "Booking policy", "name=\"holdMinutes\"");

        Browser.Page saved = owner.post(
                salon.at("settings/policy"),
                Map.of(
                        "slotStepMinutes", "30",
                        "minimumNoticeMinutes", "120",
                        "maximumAdvanceDays", "60",
                        "cancellationCutoffMinutes", "1440",
                        "holdMinutes", "10"));
        assertThat(saved.status()).isEqualTo(303);
        var policy = business(salon).policy();
        assertThat(policy.slotStep()).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.minimumNotice()).isEqualTo(Duration.ofHours(2));
        assertThat(policy.maximumAdvance()).isEqualTo(Duration.ofDays(60));
        assertThat(policy.cancellationCutoff()).isEqualTo(Duration.ofDays(1));
        assertThat(policy.holdDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(owner.get(salon.at("settings/policy")).body()).contains("value=\"1440\"", "value=\"60\"");

        Browser.Page wrong = owner.post(
                salon.at("settings/policy"),
                Map.of(
                        "slotStepMinutes", "3",
                        "minimumNoticeMinutes", "lots",
                        "maximumAdvanceDays", "90",
                        "cancellationCutoffMinutes", "0",
                        "holdMinutes", "5"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body())
                .contains(
                        language.equals("es")
                                ? "Escribe un número entero entre 5 y 240."
                                : "Enter a whole number from 5 to 240.")
                .contains("id=\"minimumNoticeMinutes-error\"", "value=\"lots\"");
        assertThat(business(salon).policy()).isEqualTo(policy);

        Browser.Page crossed = owner.post(
                salon.at("settings/policy"),
                Map.of(
                        "slotStepMinutes", "15",
                        "minimumNoticeMinutes", "43200",
                        "maximumAdvanceDays", "7",
                        "cancellationCutoffMinutes", "0",
                        "holdMinutes", "5"));
        assertThat(crossed.status()).isEqualTo(422);
        assertThat(crossed.body()).contains("id=\"minimumNoticeMinutes-error\"");
        assertThat(business(salon).policy()).isEqualTo(policy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "en"})
    void the_phone_set_up_round_trips_and_refuses_a_number_that_cannot_be_one(String language) {
        Salons.Salon salon = salons.found(language);
        Browser owner = salons.browserOf(salon.owner(), salon);
        assertThat(owner.get(salon.at("settings/voice")).body())
                .contains(language.equals("es") ? "Saludo" : "Greeting", "name=\"faqQuestion\"");

        // a number belongs to one business only: each language's salon has its own
        String last = language.equals("es") ? "56" : "57";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("numbers", "600 12 34 " + last + "\n+34 910 000 0" + last);
        form.put("lineIds", "");
        form.put("greeting", "Hola, peluquería Lola");
        form.put("transferNumber", "611 22 33 44");
        form.put("voiceLanguage", "en");
        form.put("assistantId", "");
        form.put("faqQuestion", "¿Hay aparcamiento?");
        form.put("faqAnswer", "Sí, en la calle de atrás.");
        Browser.Page saved = owner.post(salon.at("settings/voice"), form);

        assertThat(saved.status()).isEqualTo(303);
        var voice = useCases().voiceSettings().get(salon.owner(), salon.id());
        VoiceSettings settings = voice.settings();
        assertThat(voice.enabled()).as("the box was left unticked").isFalse();
        assertThat(settings.numbers())
                .containsExactly(new PhoneNumber("+346001234" + last), new PhoneNumber("+349100000" + last));
        assertThat(settings.greeting()).contains("Hola, peluquería Lola");
        assertThat(settings.transferNumber()).contains(new PhoneNumber("+34611223344"));
        assertThat(settings.language())
                .hasValueSatisfying(l -> assertThat(l.code()).isEqualTo("en"));
        assertThat(settings.faq()).containsExactly(new FaqEntry("¿Hay aparcamiento?", "Sí, en la calle de atrás."));
        assertThat(owner.get(salon.at("settings/voice")).body())
                .contains("+346001234" + last, "Hola, peluquería Lola", "¿Hay aparcamiento?")
                .doesNotContain("name=\"enabled\" type=\"checkbox\" value=\"on\" checked");

        form.put("enabled", "on");
        form.put("transferNumber", "12");
        form.put("greeting", "Otro saludo");
        Browser.Page wrong = owner.post(salon.at("settings/voice"), form);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body())
                .contains(
                        language.equals("es")
                                ? "No es un teléfono al que podamos llamar."
                                : "This is not a phone number we can call.")
                .contains("id=\"transferNumber-error\"", "value=\"12\"");
        form.put("transferNumber", "");
        form.put("faqAnswer", "");
        assertThat(owner.post(salon.at("settings/voice"), form).status())
                .as("a question without its answer")
                .isEqualTo(422);

        var after = useCases().voiceSettings().get(salon.owner(), salon.id());
        assertThat(after.enabled()).isFalse();
        assertThat(after.settings()).isEqualTo(settings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "en"})
    void the_messages_settings_round_trip_and_refuse_a_reminder_too_close(String language) {
        Salons.Salon salon = salons.found(language);
        Browser owner = salons.browserOf(salon.owner(), salon);
        assertThat(owner.get(salon.at("settings/notifications")).body())
                .contains(language.equals("es") ? "Horas de silencio" : "Quiet hours", "<th scope=\"row\">")
                .contains(
                        language.equals("es")
                                ? "Los mensajes sobre pagos se envían siempre"
                                : "Messages about payments always go out")
                .as("the payment messages are not the business's to switch off")
                .doesNotContain(
                        "channel-payment_request", "channel-payment_refunded", "channel-staff_payment_refunded");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("channel-confirmed", "email");
        form.put("channel-reminder", "sms");
        form.put("channel-staff_new_booking", "email");
        form.put("reminder0", "2880");
        form.put("reminder1", "");
        form.put("reminder2", "");
        form.put("quietFrom", "22:00");
        form.put("quietUntil", "07:30");
        form.put("senderName", "Lola");
        form.put("replyTo", "hola@lola.example");
        form.put("phone", "600 99 88 77");
        form.put("staffEmail", "equipo@lola.example");
        Browser.Page saved = owner.post(salon.at("settings/notifications"), form);

        assertThat(saved.status()).isEqualTo(303);
        NotificationSettings settings = useCases().notifications().settings(salon.owner(), salon.id());
        assertThat(settings.channelsFor(MessageKind.CONFIRMED)).containsExactly(Channel.EMAIL);
        assertThat(settings.channelsFor(MessageKind.REMINDER)).containsExactly(Channel.SMS);
        assertThat(settings.channelsFor(MessageKind.MOVED)).isEmpty();
        assertThat(settings.channelsFor(MessageKind.STAFF_NEW_BOOKING)).containsExactly(Channel.EMAIL);
        assertThat(settings.channelsFor(MessageKind.PAYMENT_REQUEST))
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
        assertThat(settings.reminderLeads()).containsExactly(Duration.ofDays(2));
        assertThat(settings.quietHours()).contains(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30)));
        assertThat(settings.senderName()).contains("Lola");
        assertThat(settings.phone()).contains(new PhoneNumber("+34600998877"));
        assertThat(settings.staffEmail())
                .hasValueSatisfying(e -> assertThat(e.toString()).isEqualTo("equipo@lola.example"));
        assertThat(owner.get(salon.at("settings/notifications")).body())
                .contains("value=\"2880\"", "value=\"22:00\"", "equipo@lola.example");

        form.put("reminder1", "5");
        form.put("staffEmail", "not an address");
        Browser.Page wrong = owner.post(salon.at("settings/notifications"), form);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body())
                .contains(
                        language.equals("es")
                                ? "Escribe un número entero entre 15 y 20"
                                : "Enter a whole number from 15 to 20")
                .contains("id=\"reminder1-error\"");
        form.put("reminder1", "");
        form.put("channel-staff_new_booking", "sms");
        assertThat(owner.post(salon.at("settings/notifications"), form).status())
                .as("staff alerts by text")
                .isEqualTo(422);
        form.put("channel-staff_new_booking", "email");
        Browser.Page badEmail = owner.post(salon.at("settings/notifications"), form);
        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(badEmail.body()).contains("id=\"staffEmail-error\"");

        assertThat(useCases().notifications().settings(salon.owner(), salon.id()))
                .isEqualTo(settings);
    }

    @Test
    void a_viewer_and_a_manager_read_the_settings_with_no_button_and_a_forged_change_is_refused() {
        Salons.Salon salon = salons.found("en");
        for (Role role : List.of(Role.VIEWER, Role.MANAGER, Role.STAFF)) {
            Browser reader = salons.browserOf(salons.join(salon, role, "en"), salon);
            for (String page : List.of("business", "policy", "voice", "notifications")) {
                Browser.Page shown = reader.get(salon.at("settings/" + page));
                assertThat(shown.status()).isEqualTo(200);
                assertThat(shown.body())
                        .as(role + " on " + page)
                        .contains("<fieldset disabled>", "Only the business")
                        .doesNotContain("Save changes", "Upload logo");
            }
            assertThat(reader.post(salon.at("settings/business"), businessForm("Forged", "Europe/Madrid"))
                            .status())
                    .isEqualTo(403);
            assertThat(reader.post(salon.at("settings/policy"), Map.of("holdMinutes", "30"))
                            .status())
                    .isEqualTo(403);
            assertThat(reader.post(salon.at("settings/voice"), Map.of("greeting", "forged"))
                            .status())
                    .isEqualTo(403);
            assertThat(reader.post(salon.at("settings/notifications"), Map.of("senderName", "forged"))
                            .status())
                    .isEqualTo(403);
        }
        assertThat(business(salon).name()).isEqualTo("Salón Lola");
        assertThat(business(salon).policy().holdDuration()).isNotEqualTo(Duration.ofMinutes(30));
        assertThat(useCases()
                        .voiceSettings()
                        .get(salon.owner(), salon.id())
                        .settings()
                        .greeting())
                .isEmpty();
        assertThat(useCases()
                        .notifications()
                        .settings(salon.owner(), salon.id())
                        .senderName())
                .isEmpty();
    }

    @Test
    void an_admin_changes_the_settings_as_an_owner_does() {
        Salons.Salon salon = salons.found("es");
        Browser admin = salons.browserOf(salons.join(salon, Role.ADMIN, "es"), salon);

        assertThat(admin.get(salon.at("settings/business")).body()).contains("Guardar cambios", "Subir logotipo");
        assertThat(admin.post(salon.at("settings/business"), businessForm("Cambiado", "Europe/Madrid"))
                        .status())
                .isEqualTo(303);
        assertThat(business(salon).name()).isEqualTo("Cambiado");
    }

    @Test
    void another_business_settings_are_not_found_and_nobody_signed_out_gets_in() {
        Salons.Salon mine = salons.found("en");
        Salons.Salon theirs = salons.found("en");
        Browser owner = salons.browserOf(mine.owner(), mine);

        for (String page : List.of("", "/business", "/policy", "/voice", "/notifications", "/members")) {
            assertThat(owner.get(theirs.at("settings" + page)).status())
                    .as(page)
                    .isEqualTo(404);
        }
        assertThat(owner.post(theirs.at("settings/business"), businessForm("Taken", "Europe/Madrid"))
                        .status())
                .isEqualTo(404);
        assertThat(owner.post(theirs.at("settings/policy"), Map.of("holdMinutes", "30"))
                        .status())
                .isEqualTo(404);
        assertThat(business(theirs).name()).isEqualTo("Salón Lola");

        Browser.Page settings = owner.get(mine.at("settings"));
        assertThat(settings.status()).isEqualTo(303);
        assertThat(settings.header("Location")).contains(mine.at("settings/business"));

        Browser.Page anonymous = SERVER.browser().get(mine.at("settings/business"));
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/login?next="));
    }

    @Test
    void a_form_without_its_csrf_token_is_refused() {
        Salons.Salon salon = salons.found("en");
        Browser owner = salons.browserOf(salon.owner(), salon);

        assertThat(owner.postExactly(salon.at("settings/business"), businessForm("Forged", "Europe/Madrid"))
                        .status())
                .isEqualTo(403);
        assertThat(business(salon).name()).isEqualTo("Salón Lola");
    }
}
