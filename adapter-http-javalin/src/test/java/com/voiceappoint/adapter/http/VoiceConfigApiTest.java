package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A business's phone set-up over HTTP: numbers read as its country dials them, one business per number. */
class VoiceConfigApiTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    private final ApiClient api = server.client();

    private ApiClient.Response patch(TestServer.Owner owner, String body) {
        return api.at("/api/v1/vapi/configs/" + owner.businessId())
                .token(owner.token())
                .raw("PATCH", body, "application/json");
    }

    @Test
    void a_business_sets_its_numbers_greeting_and_language_and_turns_voice_booking_on_and_off() {
        TestServer.Owner owner = server.owner("voice-config@example.com", "Voz Uno");

        var fresh = api.at("/api/v1/vapi/configs/" + owner.businessId())
                .token(owner.token())
                .get();
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.body().get("numbers")).isEmpty();

        var set = patch(owner, """
                {"numbers": ["+34 910 00 00 01"], "line_ids": ["vapi-line-1"], "greeting": "¡Hola!",
                 "language": "en", "enabled": false}""");
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.body().get("numbers").get(0).asText()).isEqualTo("+34910000001");
        assertThat(set.body().get("enabled").asBoolean()).isFalse();
        assertThat(api.at("/api/v1/businesses/" + owner.businessId())
                        .token(owner.token())
                        .get()
                        .body()
                        .get("allow_voice_booking")
                        .asBoolean())
                .as("one switch: the business's own flag")
                .isFalse();

        var cleared = patch(owner, "{\"language\": \"\", \"greeting\": \"\"}");
        assertThat(cleared.body().has("language")).isFalse();
        assertThat(cleared.body().get("numbers").get(0).asText())
                .as("left out, kept")
                .isEqualTo("+34910000001");

        var listed = api.at("/api/v1/vapi/configs").token(owner.token()).get();
        assertThat(listed.body().get("results"))
                .extracting(c -> c.get("business").asText())
                .contains(owner.businessId());
    }

    @Test
    void a_number_another_business_answers_on_is_a_409_and_bad_numbers_are_a_400() {
        TestServer.Owner first = server.owner("voice-first@example.com", "Voz Dos");
        TestServer.Owner second = server.owner("voice-second@example.com", "Voz Tres");
        assertThat(patch(first, "{\"numbers\": [\"+34910000002\"]}").status()).isEqualTo(200);

        var taken = patch(second, "{\"numbers\": [\"+34910000002\"]}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().get("code").asText()).isEqualTo("NUMBER_IN_USE");

        for (String bad : List.of("{\"numbers\": [\"12\"]}", "{\"language\": \"tlh\"}", "{\"numbers\": [\"\"]}")) {
            var refused = patch(second, bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
        }
        assertThat(api.at("/api/v1/vapi/configs/" + second.businessId())
                        .token(second.token())
                        .get()
                        .body()
                        .get("numbers"))
                .isEmpty();
        assertThat(api.at("/api/v1/vapi/configs/" + first.businessId())
                        .token(second.token())
                        .get()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void the_owner_writes_the_transfer_number_description_and_questions_callers_are_answered_with() {
        TestServer.Owner owner = server.owner("voice-faq@example.com", "Voz Cuatro");

        var set = patch(owner, """
                {"transfer_number": "+34 911 22 23 33", "description": "Peluquería de barrio desde 1990.",
                 "faq": [{"question": "¿Tenéis parking?", "answer": "Sí, en la calle de atrás."},
                         {"question": "¿Aceptáis tarjeta?", "answer": "Sí."}]}""");

        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.body().get("transfer_number").asText()).isEqualTo("+34911222333");
        assertThat(set.body().get("description").asText()).isEqualTo("Peluquería de barrio desde 1990.");
        assertThat(set.body().get("faq"))
                .extracting(q -> q.get("question").asText())
                .containsExactly("¿Tenéis parking?", "¿Aceptáis tarjeta?");

        var replaced = patch(owner, """
                {"transfer_number": "", "faq": [{"question": "¿Abrís en agosto?", "answer": "No."}]}""");
        assertThat(replaced.body().has("transfer_number")).isFalse();
        assertThat(replaced.body().get("faq")).hasSize(1);
        assertThat(replaced.body().get("description").asText())
                .as("left out, kept")
                .isEqualTo("Peluquería de barrio desde 1990.");

        String tooMany = "{\"faq\": ["
                + String.join(",", java.util.Collections.nCopies(31, "{\"question\": \"q\", \"answer\": \"a\"}"))
                + "]}";
        for (String bad : List.of(
                "{\"transfer_number\": \"12\"}",
                "{\"faq\": [{\"question\": \" \", \"answer\": \"Sí.\"}]}",
                "{\"faq\": [{\"question\": \"¿Sí?\"}]}",
                "{\"faq\": [null]}",
                "{\"description\": \"" + "x".repeat(2001) + "\"}",
                tooMany)) {
            var refused = patch(owner, bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
        }
        assertThat(api.at("/api/v1/vapi/configs/" + owner.businessId())
                        .token(owner.token())
                        .get()
                        .body()
                        .get("faq"))
                .as("a refused change changes nothing")
                .hasSize(1);
    }
}
