package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading only the fields a tool call needs must find what reading the whole message finds. */
class EnvelopeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.voiceappoint.adapter.vapi.VapiCapturesTest#requests")
    void every_capture_reads_as_the_whole_message_does(String name) throws IOException {
        byte[] body = VapiCapturesTest.capture(name).getBytes(StandardCharsets.UTF_8);

        Envelope read = Envelope.read(body, JSON).orElseThrow();
        Envelope whole = Envelope.parse(JSON.readTree(body), JSON);

        assertThat(read.type()).isEqualTo(whole.type());
        assertThat(read.call()).isEqualTo(whole.call());
        assertThat(read.toolCalls()).isEqualTo(whole.toolCalls());
    }

    @Test
    void call_reports_keep_the_whole_message() throws IOException {
        byte[] body = VapiCapturesTest.capture("end-of-call-report-01.json").getBytes(StandardCharsets.UTF_8);

        assertThat(Envelope.read(body, JSON).orElseThrow().message())
                .isEqualTo(JSON.readTree(body).path("message"));
    }

    @Test
    void a_message_without_an_envelope_is_read_from_the_root() {
        byte[] body = ("{\"type\":\"tool-calls\",\"artifact\":{\"messages\":[]},\"call\":{\"id\":\"call-1\"},"
                        + "\"toolCallList\":[{\"id\":\"t1\",\"function\":{\"name\":\"get_services\",\"arguments\":{}}}]}")
                .getBytes(StandardCharsets.UTF_8);

        Envelope read = Envelope.read(body, JSON).orElseThrow();

        assertThat(read.call().callId()).contains("call-1");
        assertThat(read.toolCalls()).extracting(ToolCall::name).containsExactly("get_services");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "\"tool-calls\"",
                "{\"message\":{\"type\":\"tool-calls\",\"artifact\":{\"messages\":[}}}",
                "{\"message\":{\"type\":\"tool-calls\",\"call\":{\"squad\":{\"members\":[1,}}}}"
            })
    void broken_json_is_unreadable_even_where_nothing_is_kept(String body) {
        assertThat(Envelope.read(body.getBytes(StandardCharsets.UTF_8), JSON)).isEmpty();
    }
}
