package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.shared.TimeRange;
import com.voiceappoint.domain.voice.CallMessage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What a caller hears when the database is away or loses a booking's commit, and when the words arrive broken: the
 * truth, in the business's language, counted as a refusal rather than a failure of ours.
 */
class VoiceTroubleTest {
    private static final IOException CONNECTION_RESET = new IOException("connection reset");

    /** How the stores behave; the desk is set up while they work. */
    private enum Database {
        UP,
        DOWN,
        LOSING_COMMITS
    }

    private Database database = Database.UP;
    private boolean commitLost;
    private final VoiceDesk desk = new VoiceDesk(VoiceDesk.NOW, this::troubled);

    private OutboundPorts troubled(OutboundPorts ports) {
        TransactionRunner real = ports.transactions();
        TransactionRunner losing = new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                T result = real.inTransaction(work);
                if (database == Database.LOSING_COMMITS) {
                    commitLost = true;
                    throw new OutcomeUnknownException(CONNECTION_RESET);
                }
                return result;
            }
        };
        OutboundPorts withRunner = PortSwap.with(ports, TransactionRunner.class, losing);
        // after a lost commit, the database is not back in time to say whether the booking was kept
        AppointmentRepository appointments =
                failing(AppointmentRepository.class, ports.appointments(), "findByIdempotencyKey", () -> commitLost);
        ServiceRepository services =
                failing(ServiceRepository.class, ports.services(), "findByBusiness", () -> database == Database.DOWN);
        return PortSwap.with(
                PortSwap.with(withRunner, AppointmentRepository.class, appointments),
                ServiceRepository.class,
                services);
    }

    private static <T> T failing(Class<T> port, T real, String method, Supplier<Boolean> when) {
        return port.cast(Proxy.newProxyInstance(
                VoiceTroubleTest.class.getClassLoader(), new Class<?>[] {port}, (proxy, called, args) -> {
                    if (called.getName().equals(method) && when.get()) {
                        throw new StoreUnavailableException("database", CONNECTION_RESET);
                    }
                    try {
                        return called.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    private JsonNode book(String name) {
        return desk.call(
                VoiceDesk.LOLA_NUMBER,
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", desk.lola.cut(), "start", "2026-11-24T10:00", "client_name", name));
    }

    private long appointments() {
        return desk.app
                .appointments()
                .list(
                        desk.lola.owner(),
                        CalendarFilter.period(
                                desk.lola.id(),
                                new TimeRange(
                                        Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z"))),
                        Page.Request.first(100))
                .items()
                .size();
    }

    private double counted(String outcome) {
        var timer = desk.metrics.find("vapi.tool.calls").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void a_booking_whose_commit_was_lost_is_not_said_to_have_failed_and_asking_again_finds_it() {
        database = Database.LOSING_COMMITS;

        JsonNode lost = book("Carmen");

        assertThat(lost.has("result")).isFalse();
        assertThat(lost.path("error").asText())
                .startsWith("No he podido confirmar la reserva ahora mismo")
                .contains("No digas que ha fallado");
        assertThat(appointments()).as("the commit was kept after all").isEqualTo(1);

        database = Database.UP;
        commitLost = false;
        JsonNode again = book("Carmen");

        assertThat(again.path("result").asText()).startsWith("Ya estaba reservado");
        assertThat(appointments()).isEqualTo(1);
    }

    @Test
    void while_the_database_is_down_the_caller_hears_that_nothing_was_done() {
        database = Database.DOWN;

        JsonNode answer = desk.call(VoiceDesk.LOLA_NUMBER, AnswerToolCallUseCase.SERVICES, Map.of());

        assertThat(answer.path("error").asText()).startsWith("Ahora mismo no puedo acceder al sistema de reservas");
        assertThat(counted("failed")).isZero();
    }

    @Test
    void an_argument_with_nul_or_half_a_character_is_refused_by_name_and_books_nothing() {
        JsonNode nul = book("Car\u0000men");
        // half of a pair arrives only as a JSON escape: in UTF-8 it has no bytes at all
        String message = desk.toolCalls(
                        VoiceDesk.LOLA_NUMBER,
                        Optional.of(VoiceDesk.CARMEN),
                        Map.of(),
                        new VoiceDesk.ToolRequest(
                                "tc-half",
                                AnswerToolCallUseCase.BOOK,
                                Map.of(
                                        "service_id",
                                        desk.lola.cut(),
                                        "start",
                                        "2026-11-24T10:00",
                                        "client_name",
                                        "Carmen HALF")))
                .replace("HALF", "\\ud83d");
        JsonNode half = desk.read(desk.send(message)).path("results").path(0);

        assertThat(nul.path("error").asText()).isEqualTo("El valor de client_name no es válido.");
        assertThat(half.path("error").asText()).isEqualTo("El valor de client_name no es válido.");
        assertThat(appointments()).isZero();
        assertThat(counted("refused")).isEqualTo(2);
        assertThat(counted("failed")).isZero();
    }

    @Test
    void a_report_keeps_its_conversation_without_what_no_store_can_keep() {
        String report = """
                {"message": {"type": "end-of-call-report", "call": {"id": "call-broken", "type": "inboundPhoneCall"},
                  "phoneNumber": {"number": "%s"},
                  "artifact": {"transcript": "User: Un cor\\u0000te \\ud83d.",
                    "messages": [{"role": "user", "message": "Un cor\\u0000te"}]}}}
                """.formatted(VoiceDesk.LOLA_NUMBER);

        assertThat(desk.send(report).status()).isEqualTo(200);

        var call =
                desk.app.callLog().transcript(desk.lola.owner(), "call-broken").call();
        assertThat(call.transcript()).contains("User: Un corte \uFFFD.");
        assertThat(call.messages()).extracting(CallMessage::text).containsExactly("Un corte");
    }
}
