package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.domain.voice.FaqEntry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The questions Vapi asks besides tool calls: where to transfer a caller, and what the business says about itself. */
class CallRequestsTest {
    private final VoiceDesk desk = new VoiceDesk();

    private void tell(VoiceDesk.Business business, Optional<String> transfer, String description, List<FaqEntry> faq) {
        desk.app
                .voiceSettings()
                .update(
                        business.owner(),
                        business.id(),
                        new VoiceSettingsUseCase.Changes(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(transfer),
                                Optional.of(description),
                                Optional.of(faq)));
    }

    private JsonNode transferOn(String dialled) {
        return desk.read(desk.send("""
                {"message": {"type": "transfer-destination-request", "timestamp": 1795420800000,
                  "call": {"id": "call-t", "type": "inboundPhoneCall", "phoneCallTransport": "pstn"},
                  "phoneNumber": {"number": "%s", "id": "line-%s"}, "customer": {"number": "%s"}}}
                """.formatted(dialled, dialled, VoiceDesk.CARMEN)));
    }

    @Test
    void a_caller_is_put_through_to_the_business_s_transfer_number_with_words_in_its_language() {
        tell(desk.bob, Optional.of("+442079460000"), "", List.of());

        JsonNode answer = transferOn(VoiceDesk.BOB_NUMBER);

        assertThat(answer.path("destination").path("type").asText()).isEqualTo("number");
        assertThat(answer.path("destination").path("number").asText()).isEqualTo("+442079460000");
        assertThat(answer.path("destination").path("message").asText())
                .isEqualTo("Putting you through to Bob's Barbers, one moment.");
        assertThat(answer.has("error")).isFalse();
    }

    @Test
    void without_a_transfer_number_or_for_no_business_the_caller_hears_why() {
        JsonNode none = transferOn(VoiceDesk.LOLA_NUMBER);
        JsonNode nobody = transferOn("+34910999999");

        assertThat(none.has("destination")).isFalse();
        assertThat(none.path("error").asText()).startsWith("Ahora no puedo pasarte con nadie de Peluquería Lola");
        assertThat(none.path("message").path("type").asText()).isEqualTo("request-failed");
        assertThat(none.path("message").path("content").asText())
                .isEqualTo(none.path("error").asText());
        assertThat(nobody.has("destination")).isFalse();
        assertThat(nobody.path("message").path("content").asText()).startsWith("Lo siento, este negocio no atiende");
    }

    @Test
    void a_web_call_is_not_put_through_to_a_private_line() {
        tell(desk.lola, Optional.of("+34911222333"), "", List.of());

        JsonNode answer = desk.read(desk.send("""
                {"message": {"type": "transfer-destination-request",
                  "call": {"id": "web-t", "type": "webCall",
                    "assistantOverrides": {"variableValues": {"business_slug": "%s"}}}}}
                """.formatted(desk.lola.slug())));

        assertThat(answer.has("destination")).isFalse();
        assertThat(answer.path("error").asText()).startsWith("Ahora no puedo pasarte");
    }

    private JsonNode ask(String dialled, String said) {
        return desk.read(desk.send("""
                {"message": {"type": "knowledge-base-request",
                  "call": {"id": "call-k", "type": "inboundPhoneCall", "phoneCallTransport": "pstn"},
                  "phoneNumber": {"number": "%s", "id": "line-%s"},
                  "messages": [
                    {"role": "system", "message": "You are the receptionist."},
                    {"role": "user", "message": "Hola, quería una cita."},
                    {"role": "bot", "message": "Claro, ¿para cuándo?"},
                    {"role": "user", "message": "%s"}],
                  "messagesOpenAIFormatted": [{"role": "user", "content": "%s"}]}}
                """.formatted(dialled, dialled, said, said)));
    }

    @Test
    void a_caller_asking_about_parking_gets_the_business_s_answer_first() {
        tell(
                desk.lola,
                Optional.empty(),
                "Peluquería de barrio en Chamberí desde 1990; cortamos, teñimos y peinamos.",
                List.of(
                        new FaqEntry("¿Aceptáis tarjeta?", "Sí, todas las tarjetas y Bizum."),
                        new FaqEntry("¿Tenéis aparcamiento?", "Hay un parking público en la calle de atrás.")));

        JsonNode documents = ask(VoiceDesk.LOLA_NUMBER, "Oye, ¿hay sitio para aparcar cerca?")
                .path("documents");

        assertThat(documents).isNotEmpty();
        assertThat(documents.path(0).path("content").asText())
                .isEqualTo("¿Tenéis aparcamiento? Hay un parking público en la calle de atrás.");
        assertThat(documents.path(0).path("uuid").asText()).isEqualTo("faq-2");
        assertThat(documents.path(0).path("similarity").asDouble()).isBetween(0.0, 1.0);
        assertThat(documents).noneMatch(d -> d.path("uuid").asText().equals("faq-1"));
    }

    @Test
    void nothing_fitting_or_no_business_gives_no_documents() {
        tell(desk.lola, Optional.empty(), "", List.of(new FaqEntry("¿Aceptáis tarjeta?", "Sí.")));

        assertThat(ask(VoiceDesk.LOLA_NUMBER, "¿Hacéis mechas balayage?").path("documents"))
                .isEmpty();
        assertThat(ask("+34910999999", "¿Aceptáis tarjeta?").path("documents")).isEmpty();
        assertThat(ask("+34910999999", "¿Aceptáis tarjeta?").has("documents")).isTrue();
    }
}
