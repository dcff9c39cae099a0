package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.adapter.vapi.VoiceDesk.ToolRequest;
import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.voice.CallMessage;
import com.voiceappoint.domain.voice.VoiceCall;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Status updates and end-of-call reports become the business's call log, in both envelope generations. */
class CallReportsTest {
    private final VoiceDesk desk = new VoiceDesk();

    /** A captured message, re-addressed to Lola's number and given a call id. */
    private String toLola(String capture, String callId) throws IOException {
        ObjectNode root = (ObjectNode) desk.json.readTree(VapiCapturesTest.capture(capture));
        ObjectNode message = (ObjectNode) root.path("message");
        message.putObject("phoneNumber").put("number", VoiceDesk.LOLA_NUMBER);
        ((ObjectNode) message.path("call")).put("id", callId);
        return root.toString();
    }

    private Optional<VoiceCall> logged(String callId) {
        return desk.app.callLog().calls(desk.lola.owner(), desk.lola.id(), Page.Request.first(50)).items().stream()
                .filter(c -> c.callId().equals(callId))
                .findFirst();
    }

    @Test
    void a_2024_end_of_call_report_keeps_its_summary_recording_cost_and_conversation() throws IOException {
        assertThat(desk.send(toLola("end-of-call-report-01.json", "call-2024")).status())
                .isEqualTo(200);

        VoiceCall call =
                desk.app.callLog().transcript(desk.lola.owner(), "call-2024").call();
        assertThat(call.endedReason()).contains("customer-ended-call");
        assertThat(call.summary()).isPresent();
        assertThat(call.recordingUrl())
                .hasValueSatisfying(url -> assertThat(url).endsWith("-mono.wav"));
        assertThat(call.status()).contains("ended");
        assertThat(call.messages()).isNotEmpty().extracting(CallMessage::role).containsOnly("user", "assistant");
        assertThat(call.messages().get(0).at()).isPresent();
    }

    @Test
    void the_current_report_shape_reads_under_artifact_and_later_updates_erase_nothing() throws IOException {
        String report = """
                {"message": {"type": "end-of-call-report", "endedReason": "hangup", "cost": 0.31,
                  "startedAt": "2026-11-23T08:00:00Z", "endedAt": "2026-11-23T08:02:30Z",
                  "analysis": {"summary": "Booked a cut for Tuesday."},
                  "call": {"id": "call-now", "type": "inboundPhoneCall"},
                  "phoneNumber": {"number": "%s"}, "customer": {"number": "%s"},
                  "artifact": {"transcript": "AI: Hola. User: Un corte.",
                    "recording": {"mono": {"combinedUrl": "https://example.com/now.wav"}},
                    "messages": [{"role": "system", "message": "You are..."},
                                 {"role": "bot", "message": "Hola", "time": 1763884800000},
                                 {"role": "user", "message": "Un corte"}]}}}
                """.formatted(VoiceDesk.LOLA_NUMBER, VoiceDesk.CARMEN);
        String lateStatus = """
                {"message": {"type": "status-update", "status": "ended", "call": {"id": "call-now"},
                  "phoneNumber": {"number": "%s"}}}
                """.formatted(VoiceDesk.LOLA_NUMBER);

        desk.send(report);
        desk.send(lateStatus);

        VoiceCall call =
                desk.app.callLog().transcript(desk.lola.owner(), "call-now").call();
        assertThat(call.duration()).contains(Duration.ofSeconds(150));
        assertThat(call.cost()).contains(new BigDecimal("0.31"));
        assertThat(call.summary()).contains("Booked a cut for Tuesday.");
        assertThat(call.recordingUrl()).contains("https://example.com/now.wav");
        assertThat(call.customerNumber()).contains(VoiceDesk.CARMEN);
        assertThat(call.messages())
                .containsExactly(
                        new CallMessage("assistant", "Hola", Optional.of(Instant.ofEpochMilli(1763884800000L))),
                        new CallMessage("user", "Un corte", Optional.empty()));
        assertThat(logged("call-now"))
                .hasValueSatisfying(c -> assertThat(c.messages()).isEmpty());
    }

    @Test
    void a_slot_held_in_a_call_is_released_when_the_caller_hangs_up_and_bookings_stay_linked() {
        desk.send(desk.toolCalls(
                VoiceDesk.LOLA_NUMBER,
                Optional.of(VoiceDesk.CARMEN),
                Map.of(),
                new ToolRequest(
                        "tc-hold",
                        AnswerToolCallUseCase.HOLD,
                        Map.of("service_id", desk.lola.cut(), "start", "2026-11-24T12:00", "client_name", "Carmen")),
                new ToolRequest(
                        "tc-book",
                        AnswerToolCallUseCase.BOOK,
                        Map.of("service_id", desk.lola.cut(), "start", "2026-11-24T13:00", "client_name", "Carmen"))));
        var record = desk.app.callLog().transcript(desk.lola.owner(), "call-1");
        assertThat(record.appointments())
                .extracting(d -> d.appointment().status())
                .containsExactlyInAnyOrder(AppointmentStatus.HELD, AppointmentStatus.CONFIRMED);

        desk.send("""
                {"message": {"type": "status-update", "status": "ended", "endedReason": "customer-ended-call",
                  "call": {"id": "call-1"}, "phoneNumber": {"number": "%s"}}}
                """.formatted(VoiceDesk.LOLA_NUMBER));

        assertThat(desk.app.callLog().transcript(desk.lola.owner(), "call-1").appointments())
                .extracting(d -> d.appointment().status())
                .containsExactlyInAnyOrder(AppointmentStatus.EXPIRED, AppointmentStatus.CONFIRMED);
    }

    @Test
    void a_report_for_a_call_none_of_our_businesses_answered_is_dropped() throws IOException {
        assertThat(desk.send(VapiCapturesTest.capture("end-of-call-report-02.json"))
                        .json())
                .isEqualTo("{}");

        assertThat(desk.app
                        .callLog()
                        .calls(desk.lola.owner(), desk.lola.id(), Page.Request.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void an_absurd_field_is_dropped_not_the_whole_report() {
        desk.send("""
                {"message": {"type": "end-of-call-report", "endedReason": "hangup", "cost": 1e30,
                  "startedAt": 99999999999999999, "endedAt": "yesterday",
                  "call": {"id": "call-odd"}, "phoneNumber": {"number": "%s"}}}
                """.formatted(VoiceDesk.LOLA_NUMBER));

        VoiceCall call =
                desk.app.callLog().transcript(desk.lola.owner(), "call-odd").call();
        assertThat(call.endedReason()).contains("hangup");
        assertThat(call.cost()).isEmpty();
        assertThat(call.startedAt()).isEmpty();
    }
}
