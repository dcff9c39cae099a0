package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.application.usecase.VoiceToolsInteractor;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.shared.TimeRange;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Only what Vapi vouches for decides the business and the caller: the line, the call's type and transport, and what
 * we decided ourselves when the call began. Variables (which Vapi fills from a SIP caller's {@code X-} headers) and
 * numbers a SIP or web call claims never open anything.
 */
class VoiceTrustTest {
    private static final Pattern CODE = Pattern.compile("(\\d \\d \\d \\d \\d \\d)");
    private static final Pattern APPOINTMENT_ID = Pattern.compile("appointment_id ([0-9a-f-]{36})");
    private static final String PEDRO = "+34600333444";

    private final VoiceDesk desk = new VoiceDesk();

    /** A tool-calls message with every part a test may vary; {@code null} leaves a part out. */
    private String message(
            String callId,
            String type,
            String transport,
            String lineId,
            String dialled,
            String caller,
            Map<String, String> variables,
            String toolCallId,
            String tool,
            Map<String, ?> arguments) {
        var root = desk.json.createObjectNode();
        var m = root.putObject("message").put("type", "tool-calls");
        var call = m.putObject("call");
        if (callId != null) {
            call.put("id", callId);
        }
        if (type != null) {
            call.put("type", type);
        }
        if (transport != null) {
            call.put("phoneCallTransport", transport);
        }
        if (lineId != null) {
            call.put("phoneNumberId", lineId);
        }
        call.putObject("assistantOverrides").set("variableValues", desk.json.valueToTree(variables));
        if (caller != null) {
            m.putObject("customer").put("number", caller);
        }
        if (dialled != null || lineId != null) {
            var line = m.putObject("phoneNumber");
            if (dialled != null) {
                line.put("number", dialled);
            }
            if (lineId != null) {
                line.put("id", lineId);
            }
        }
        var item = m.putArray("toolCallList").addObject().put("id", toolCallId).put("type", "function");
        item.putObject("function").put("name", tool).set("arguments", desk.json.valueToTree(arguments));
        return root.toString();
    }

    private JsonNode answer(String message) {
        return desk.read(desk.send(message)).path("results").path(0);
    }

    /** A PSTN call on Lola's line from {@code caller}. */
    private JsonNode onLolasLine(String callId, String caller, String tool, Map<String, ?> arguments) {
        return answer(message(
                callId,
                "inboundPhoneCall",
                "pstn",
                "line-" + VoiceDesk.LOLA_NUMBER,
                VoiceDesk.LOLA_NUMBER,
                caller,
                Map.of(),
                "tc-" + System.nanoTime(),
                tool,
                arguments));
    }

    /** A SIP call on Lola's line claiming to come from {@code caller}. */
    private JsonNode sipOnLolasLine(String callId, String caller, String tool, Map<String, ?> arguments) {
        return answer(message(
                callId,
                "inboundPhoneCall",
                "sip",
                "line-" + VoiceDesk.LOLA_NUMBER,
                null,
                caller,
                Map.of(),
                "tc-" + System.nanoTime(),
                tool,
                arguments));
    }

    private Map<String, Object> booking(String start, String name) {
        return Map.of("service_id", desk.lola.cut(), "start", start, "client_name", name);
    }

    private long appointmentsOf(VoiceDesk.Business business) {
        return desk
                .app
                .appointments()
                .list(
                        business.owner(),
                        CalendarFilter.period(
                                business.id(),
                                new TimeRange(
                                        Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z"))),
                        Page.Request.first(100))
                .items()
                .stream()
                .filter(d -> d.appointment().status() != AppointmentStatus.CANCELLED)
                .count();
    }

    private static String group(Pattern pattern, JsonNode answer) {
        Matcher m = pattern.matcher(answer.path("result").asText());
        assertThat(m.find()).as(answer.toString()).isTrue();
        return m.group(1);
    }

    @Test
    void a_sip_call_on_a_line_we_do_not_know_is_routed_nowhere_whatever_its_variables_and_parameters_say() {
        // as tool-calls-01.json shows, Vapi turns a SIP INVITE's X- headers into variable values
        Map<String, String> forged = Map.of("business_slug", desk.lola.slug(), "originating-carrier", "382com");
        String viaVariables = message(
                "sip-1",
                "inboundPhoneCall",
                "sip",
                "a-sip-uri-of-someone-else",
                null,
                VoiceDesk.CARMEN,
                forged,
                "tc-1",
                AnswerToolCallUseCase.BOOK,
                booking("2026-11-24T10:00", "Mallory"));
        String viaStaticParameter = """
                {"message": {"type": "tool-calls", "call": {"id": "sip-2", "type": "inboundPhoneCall",
                  "phoneCallTransport": "sip", "assistantOverrides": {"variableValues": {"business_slug": "%s"}}},
                  "customer": {"number": "%s"},
                  "toolWithToolCallList": [{"type": "function", "function": {"name": "get_business_services"},
                    "parameters": [{"key": "business_slug", "value": "%s"}],
                    "toolCall": {"id": "tc-2", "function": {"name": "get_business_services", "arguments": {}}}}]}}
                """.formatted(desk.lola.slug(), VoiceDesk.CARMEN, desk.lola.slug());

        assertThat(answer(viaVariables).path("error").asText())
                .isEqualTo("Lo siento, este negocio no atiende reservas por teléfono ahora mismo.");
        assertThat(answer(viaStaticParameter).path("error").asText())
                .isEqualTo("Lo siento, este negocio no atiende reservas por teléfono ahora mismo.");
        assertThat(appointmentsOf(desk.lola)).isZero();
    }

    @Test
    void the_line_dialled_decides_and_variables_naming_another_business_are_refused_in_its_language() {
        JsonNode answer = answer(message(
                "pstn-1",
                "inboundPhoneCall",
                "pstn",
                "line-" + VoiceDesk.BOB_NUMBER,
                VoiceDesk.BOB_NUMBER,
                VoiceDesk.CARMEN,
                Map.of("business_slug", desk.lola.slug()),
                "tc-1",
                AnswerToolCallUseCase.BOOK,
                booking("2026-11-24T10:00", "Mallory")));

        assertThat(answer.path("error").asText())
                .isEqualTo("This call is for Bob's Barbers: I can only help you with Bob's Barbers.");
        assertThat(appointmentsOf(desk.lola)).isZero();
        assertThat(appointmentsOf(desk.bob)).isZero();
    }

    @Test
    void a_known_business_refuses_in_its_own_language() {
        desk.app
                .voiceSettings()
                .update(
                        desk.bob.owner(),
                        desk.bob.id(),
                        new VoiceSettingsUseCase.Changes(
                                Optional.of(false),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));

        assertThat(desk.call(VoiceDesk.BOB_NUMBER, AnswerToolCallUseCase.SERVICES, Map.of())
                        .path("error")
                        .asText())
                .isEqualTo("Sorry, this business is not taking bookings by phone right now.");
        String request = """
                {"message": {"type": "assistant-request", "call": {"id": "ar-bob", "type": "inboundPhoneCall"},
                  "phoneNumber": {"number": "%s", "id": "line-%s"}}}
                """.formatted(VoiceDesk.BOB_NUMBER, VoiceDesk.BOB_NUMBER);
        assertThat(desk.read(desk.send(request)).path("error").asText())
                .isEqualTo("Sorry, this business is not taking bookings by phone right now.");
    }

    @Test
    void a_call_we_put_through_is_routed_by_our_record_and_not_by_variables_it_carries_later() {
        String request = """
                {"message": {"type": "assistant-request",
                  "call": {"id": "ar-1", "type": "inboundPhoneCall", "phoneCallTransport": "sip",
                    "assistantOverrides": {"variableValues": {"business_slug": "%s"}}},
                  "phoneNumber": {"number": "%s", "id": "line-%s"}}}
                """.formatted(desk.bob.slug(), VoiceDesk.LOLA_NUMBER, VoiceDesk.LOLA_NUMBER);
        JsonNode assistant = desk.read(desk.send(request));
        assertThat(assistant
                        .path("assistantOverrides")
                        .path("variableValues")
                        .path("business_slug")
                        .asText())
                .as("the line dialled decides, not what the SIP headers said")
                .isEqualTo(desk.lola.slug());

        // later messages of the call need not carry the line: our record routes them
        JsonNode noLine = answer(message(
                "ar-1",
                "inboundPhoneCall",
                "sip",
                null,
                null,
                VoiceDesk.CARMEN,
                Map.of(),
                "tc-1",
                AnswerToolCallUseCase.SERVICES,
                Map.of()));
        assertThat(noLine.path("result").asText()).startsWith("Servicios de Peluquería Lola");
        JsonNode otherVariables = answer(message(
                "ar-1",
                "inboundPhoneCall",
                "sip",
                null,
                null,
                VoiceDesk.CARMEN,
                Map.of("business_slug", desk.bob.slug()),
                "tc-2",
                AnswerToolCallUseCase.SERVICES,
                Map.of()));
        assertThat(otherVariables.path("error").asText()).startsWith("Esta llamada es de Peluquería Lola");
        JsonNode notPutThrough = answer(message(
                "ar-2",
                "inboundPhoneCall",
                "sip",
                null,
                null,
                VoiceDesk.CARMEN,
                Map.of("business_slug", desk.lola.slug()),
                "tc-3",
                AnswerToolCallUseCase.SERVICES,
                Map.of()));
        assertThat(notPutThrough.path("error").asText()).startsWith("Lo siento, este negocio no atiende");
    }

    @Test
    void an_outbound_call_is_the_placing_business_s_and_the_number_it_dialled_is_proven() {
        onLolasLine("before", VoiceDesk.CARMEN, AnswerToolCallUseCase.BOOK, booking("2026-11-24T10:00", "Carmen"));
        String callId = desk.app
                .outboundCalls()
                .place(desk.lola.owner(), desk.lola.id(), VoiceDesk.CARMEN, Optional.of("Carmen"))
                .callId();

        // from the server's shared line, which is no business's, with no variables at all
        JsonNode mine = answer(message(
                callId,
                "outboundPhoneCall",
                "sip",
                "the-shared-line",
                "+34910999999",
                VoiceDesk.CARMEN,
                Map.of(),
                "tc-1",
                AnswerToolCallUseCase.MINE,
                Map.of()));

        assertThat(mine.path("result").asText()).startsWith("Tus próximas citas: Corte de pelo el martes 24");
        JsonNode notOurs = answer(message(
                "someone-elses-outbound",
                "outboundPhoneCall",
                "pstn",
                "the-shared-line",
                "+34910999999",
                VoiceDesk.CARMEN,
                Map.of("business_slug", desk.lola.slug()),
                "tc-2",
                AnswerToolCallUseCase.MINE,
                Map.of()));
        assertThat(notOurs.path("error").asText()).startsWith("Lo siento, este negocio no atiende");
    }

    @Test
    void a_message_s_call_is_routed_once_however_many_tool_calls_it_carries() {
        AtomicInteger routeReads = new AtomicInteger();
        VoiceDesk counting = new VoiceDesk(VoiceDesk.NOW, ports -> {
            CallLogRepository calls = ports.callLog();
            return PortSwap.with(ports, CallLogRepository.class, (CallLogRepository) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {CallLogRepository.class}, (proxy, method, args) -> {
                        if (method.getName().equals("putThroughTo")) {
                            routeReads.incrementAndGet();
                        }
                        try {
                            return method.invoke(calls, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }));
        });
        String callId = counting.app
                .outboundCalls()
                .place(counting.lola.owner(), counting.lola.id(), VoiceDesk.CARMEN, Optional.of("Carmen"))
                .callId();
        String threeCalls = """
                {"message": {"type": "tool-calls",
                  "call": {"id": "%s", "type": "outboundPhoneCall", "phoneCallTransport": "sip",
                           "phoneNumberId": "the-shared-line"},
                  "customer": {"number": "%s"},
                  "toolCallList": [
                    {"id": "tc-1", "function": {"name": "get_business_services", "arguments": {}}},
                    {"id": "tc-2", "function": {"name": "get_business_hours", "arguments": {"date": "2026-11-24"}}},
                    {"id": "tc-3", "function": {"name": "find_my_appointments", "arguments": {}}}]}}
                """.formatted(callId, VoiceDesk.CARMEN);
        routeReads.set(0);

        JsonNode results = counting.read(counting.send(threeCalls)).path("results");

        assertThat(results.path(0).path("result").asText()).startsWith("Servicios de Peluquería Lola");
        assertThat(results.path(1).path("result").asText()).startsWith("Horario de Peluquería Lola");
        assertThat(results.path(2).path("result").asText()).startsWith("No encuentro citas próximas");
        assertThat(routeReads)
                .as("the call's route, read for the message, not for each tool call")
                .hasValue(1);
    }

    @Test
    void a_web_call_gets_what_the_public_page_gives() {
        Map<String, String> naming = Map.of("business_slug", desk.lola.slug());
        JsonNode services = answer(message(
                "web-1", "webCall", null, null, null, null, naming, "tc-1", AnswerToolCallUseCase.SERVICES, Map.of()));
        JsonNode hold = answer(message(
                "web-1",
                "webCall",
                null,
                null,
                null,
                VoiceDesk.CARMEN,
                naming,
                "tc-2",
                AnswerToolCallUseCase.HOLD,
                booking("2026-11-24T10:00", "Carmen")));
        JsonNode mine = answer(message(
                "web-1",
                "webCall",
                null,
                null,
                null,
                VoiceDesk.CARMEN,
                naming,
                "tc-3",
                AnswerToolCallUseCase.MINE,
                Map.of()));
        Map<String, Object> withEmail = new HashMap<>(booking("2026-11-24T12:00", "Web"));
        withEmail.put("email", "web@example.com");
        JsonNode book = answer(message(
                "web-1",
                "webCall",
                null,
                null,
                null,
                VoiceDesk.CARMEN,
                naming,
                "tc-4",
                AnswerToolCallUseCase.BOOK,
                withEmail));

        assertThat(services.path("result").asText()).startsWith("Servicios de Peluquería Lola");
        assertThat(hold.path("error").asText()).startsWith("Eso no se puede hacer desde la web");
        assertThat(mine.path("error").asText()).startsWith("En esta llamada no puedo comprobar el número");
        assertThat(book.path("result").asText()).startsWith("Reservado");
        assertThat(appointmentsOf(desk.lola)).isEqualTo(1);
    }

    @Test
    void a_web_call_is_asked_for_an_e_mail_to_book_and_books_with_it_in_either_language() {
        JsonNode lola = answer(message(
                "web-lola",
                "webCall",
                null,
                null,
                null,
                null,
                Map.of("business_slug", desk.lola.slug()),
                "tc-1",
                AnswerToolCallUseCase.BOOK,
                booking("2026-11-24T10:00", "Carmen")));
        Map<String, Object> bobsCut =
                new HashMap<>(Map.of("service_id", desk.bob.cut(), "start", "2026-11-24T10:00", "client_name", "Sam"));
        JsonNode bob = answer(message(
                "web-bob",
                "webCall",
                null,
                null,
                null,
                null,
                Map.of("business_slug", desk.bob.slug()),
                "tc-1",
                AnswerToolCallUseCase.BOOK,
                bobsCut));
        bobsCut.put("email", "sam@example.com");
        JsonNode bobWithEmail = answer(message(
                "web-bob",
                "webCall",
                null,
                null,
                null,
                null,
                Map.of("business_slug", desk.bob.slug()),
                "tc-2",
                AnswerToolCallUseCase.BOOK,
                bobsCut));

        assertThat(lola.path("error").asText())
                .isEqualTo("En esta llamada no se ve el número de quien llama: para reservar, pídele su correo "
                        + "electrónico y pásalo como email.");
        assertThat(bob.path("error").asText())
                .isEqualTo("This call shows no number for the caller: to book, ask for their e-mail address and pass "
                        + "it as email.");
        assertThat(bobWithEmail.path("result").asText()).startsWith("Booked: Haircut on Tuesday 24 November at 10:00");
        assertThat(appointmentsOf(desk.bob)).isEqualTo(1);
    }

    @Test
    void on_a_sip_call_a_caller_s_appointments_open_with_the_manage_code_only() {
        JsonNode booked = onLolasLine(
                "pstn-1", VoiceDesk.CARMEN, AnswerToolCallUseCase.BOOK, booking("2026-11-24T10:00", "Carmen"));
        String code = group(CODE, booked).replace(" ", "");
        String id = group(APPOINTMENT_ID, booked);

        JsonNode withoutCode = sipOnLolasLine("sip-1", VoiceDesk.CARMEN, AnswerToolCallUseCase.MINE, Map.of());
        assertThat(withoutCode.path("error").asText()).startsWith("En esta llamada no puedo comprobar el número");
        String wrong = code.equals("000000") ? "111111" : "000000";
        JsonNode wrongCode =
                sipOnLolasLine("sip-1", VoiceDesk.CARMEN, AnswerToolCallUseCase.MINE, Map.of("manage_code", wrong));
        assertThat(wrongCode.path("result").asText()).startsWith("No encuentro ninguna cita próxima con ese código");
        JsonNode cancelWithout =
                sipOnLolasLine("sip-1", VoiceDesk.CARMEN, AnswerToolCallUseCase.CANCEL, Map.of("appointment_id", id));
        assertThat(cancelWithout.path("error").asText()).startsWith("En esta llamada no puedo comprobar el número");
        assertThat(appointmentsOf(desk.lola)).isEqualTo(1);

        JsonNode found =
                sipOnLolasLine("sip-1", VoiceDesk.CARMEN, AnswerToolCallUseCase.MINE, Map.of("manage_code", code));
        assertThat(found.path("result").asText()).startsWith("Tus próximas citas: Corte de pelo el martes 24");
        JsonNode cancelled = sipOnLolasLine(
                "sip-1",
                VoiceDesk.CARMEN,
                AnswerToolCallUseCase.CANCEL,
                Map.of("appointment_id", id, "manage_code", code));
        assertThat(cancelled.path("result").asText()).startsWith("Cancelada tu cita de Corte de pelo");
        assertThat(appointmentsOf(desk.lola)).isZero();
    }

    /** A SIP call on Lola's line claiming {@code caller}'s number, with a tool-call id of the test's choosing. */
    private JsonNode sip(String callId, String caller, String toolCallId, String tool, Map<String, ?> arguments) {
        return answer(message(
                callId,
                "inboundPhoneCall",
                "sip",
                "line-" + VoiceDesk.LOLA_NUMBER,
                null,
                caller,
                Map.of(),
                toolCallId,
                tool,
                arguments));
    }

    private long held() {
        return desk
                .app
                .appointments()
                .list(
                        desk.lola.owner(),
                        CalendarFilter.period(
                                desk.lola.id(),
                                new TimeRange(
                                        Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z"))),
                        Page.Request.first(100))
                .items()
                .stream()
                .filter(d -> d.appointment().status() == AppointmentStatus.HELD)
                .count();
    }

    @Test
    void a_caller_who_only_claims_a_number_hears_that_number_s_appointment_as_a_taken_time() {
        JsonNode carmen = onLolasLine(
                "pstn-carmen", VoiceDesk.CARMEN, AnswerToolCallUseCase.BOOK, booking("2026-11-24T10:00", "Carmen"));
        String id = group(APPOINTMENT_ID, carmen);

        JsonNode booked = sip(
                "sip-mallory", VoiceDesk.CARMEN, "tc-1", AnswerToolCallUseCase.BOOK, booking("2026-11-24T10:00", "M"));
        JsonNode held = sip(
                "sip-mallory", VoiceDesk.CARMEN, "tc-2", AnswerToolCallUseCase.HOLD, booking("2026-11-24T10:00", "M"));

        for (JsonNode probe : new JsonNode[] {booked, held}) {
            assertThat(probe.path("result").asText())
                    .as(probe.toString())
                    .startsWith("Esa hora ya está ocupada. Lo más cercano:")
                    .doesNotContain(id)
                    .doesNotContain("Ya estaba")
                    .doesNotContain("Código")
                    .doesNotContain("2026-11-24T10:00");
        }
        assertThat(desk.ports.callLog().appointmentsOf(desk.lola.id(), "sip-mallory"))
                .as("someone else's appointment is not logged with the prober's call")
                .isEmpty();
        assertThat(appointmentsOf(desk.lola)).isEqualTo(1);
    }

    @Test
    void a_web_call_booking_with_someone_s_e_mail_hears_their_appointment_as_a_taken_time() {
        Map<String, String> naming = Map.of("business_slug", desk.lola.slug());
        Map<String, Object> withEmail = new HashMap<>(booking("2026-11-24T12:00", "Carmen"));
        withEmail.put("email", "carmen@example.com");

        JsonNode first = answer(message(
                "web-carmen",
                "webCall",
                null,
                null,
                null,
                null,
                naming,
                "tc-1",
                AnswerToolCallUseCase.BOOK,
                withEmail));
        JsonNode sameCall = answer(message(
                "web-carmen",
                "webCall",
                null,
                null,
                null,
                null,
                naming,
                "tc-2",
                AnswerToolCallUseCase.BOOK,
                withEmail));
        JsonNode anotherCall = answer(message(
                "web-mallory",
                "webCall",
                null,
                null,
                null,
                null,
                naming,
                "tc-1",
                AnswerToolCallUseCase.BOOK,
                withEmail));

        String id = group(APPOINTMENT_ID, first);
        assertThat(sameCall.path("result").asText())
                .as("made in this same call: the caller is the one who booked it")
                .startsWith("Ya estaba reservado")
                .contains(id);
        assertThat(anotherCall.path("result").asText())
                .startsWith("Esa hora ya está ocupada.")
                .doesNotContain(id);
        assertThat(appointmentsOf(desk.lola)).isEqualTo(1);
    }

    @Test
    void a_hold_confirmed_in_its_own_call_gives_the_code_and_the_model_s_retry_the_same_code() {
        sip("sip-carmen", VoiceDesk.CARMEN, "tc-1", AnswerToolCallUseCase.HOLD, booking("2026-11-24T10:00", "Carmen"));
        JsonNode confirmed = sip(
                "sip-carmen",
                VoiceDesk.CARMEN,
                "tc-2",
                AnswerToolCallUseCase.BOOK,
                booking("2026-11-24T10:00", "Carmen"));
        JsonNode retried = sip(
                "sip-carmen",
                VoiceDesk.CARMEN,
                "tc-2",
                AnswerToolCallUseCase.BOOK,
                booking("2026-11-24T10:00", "Carmen"));

        assertThat(confirmed.path("result").asText()).startsWith("Reservado");
        String code = group(CODE, confirmed);
        assertThat(retried.path("result").asText()).startsWith("Ya estaba reservado");
        assertThat(group(CODE, retried)).as("the retry of the confirming call").isEqualTo(code);
        assertThat(held()).isZero();
    }

    @Test
    void a_caller_who_only_claims_a_number_cannot_confirm_that_number_s_hold_nor_get_its_code() {
        onLolasLine("pstn-carmen", VoiceDesk.CARMEN, AnswerToolCallUseCase.HOLD, booking("2026-11-24T10:00", "Carmen"));

        JsonNode confirming = sip(
                "sip-mallory",
                VoiceDesk.CARMEN,
                "tc-1",
                AnswerToolCallUseCase.BOOK,
                booking("2026-11-24T10:00", "Carmen"));

        assertThat(confirming.path("result").asText())
                .startsWith("Esa hora ya está ocupada.")
                .doesNotContain("Código");
        assertThat(held()).as("Carmen's hold is still hers to confirm").isEqualTo(1);
        JsonNode carmen = onLolasLine(
                "pstn-carmen-again",
                VoiceDesk.CARMEN,
                AnswerToolCallUseCase.BOOK,
                booking("2026-11-24T10:00", "Carmen"));
        assertThat(carmen.path("result").asText()).startsWith("Reservado").contains("Código de gestión");
    }

    @Test
    void a_withheld_number_proves_nothing_and_finding_by_code_takes_the_number_said() {
        JsonNode booked = onLolasLine(
                "pstn-1", VoiceDesk.CARMEN, AnswerToolCallUseCase.BOOK, booking("2026-11-24T10:00", "Carmen"));
        String code = group(CODE, booked).replace(" ", "");

        // ANONYMOUS on a keypad: what carriers send for a withheld number
        JsonNode withheld = onLolasLine("pstn-2", "+266696687", AnswerToolCallUseCase.MINE, Map.of());
        assertThat(withheld.path("error").asText()).startsWith("En esta llamada no puedo comprobar el número");
        JsonNode noNumber =
                onLolasLine("pstn-2", "+266696687", AnswerToolCallUseCase.MINE, Map.of("manage_code", code));
        assertThat(noNumber.path("error").asText()).startsWith("Para buscar citas con el código también necesito");
        JsonNode otherNumber = onLolasLine(
                "pstn-2", "+266696687", AnswerToolCallUseCase.MINE, Map.of("manage_code", code, "phone", PEDRO));
        assertThat(otherNumber.path("result").asText()).startsWith("No encuentro ninguna cita próxima");
        JsonNode found = onLolasLine(
                "pstn-2",
                "+266696687",
                AnswerToolCallUseCase.MINE,
                Map.of("manage_code", code, "phone", "+34 600 111 222"));
        assertThat(found.path("result").asText()).startsWith("Tus próximas citas");
    }

    @Test
    void codes_are_tried_a_few_times_a_minute_per_call() {
        Map<String, Integer> counted = new HashMap<>();
        VapiWebhook counting = VoiceDesk.webhook(
                desk.app,
                VoiceDesk.SETTINGS,
                (allowance, key) -> counted.merge(allowance.name() + "|" + key, 1, Integer::sum) <= allowance.tries()
                        ? AllowanceStore.Count.WITHIN
                        : AllowanceStore.Count.SPENT,
                desk.clock,
                desk.metrics);
        String wrongTry = message(
                "sip-guessing",
                "inboundPhoneCall",
                "sip",
                "line-" + VoiceDesk.LOLA_NUMBER,
                null,
                VoiceDesk.CARMEN,
                Map.of(),
                "tc",
                AnswerToolCallUseCase.MINE,
                Map.of("manage_code", "123456"));

        for (int i = 0; i < VoiceToolsInteractor.CODE_TRIES_PER_CALL.tries(); i++) {
            assertThat(result(counting, wrongTry).path("result").asText()).startsWith("No encuentro ninguna cita");
        }
        assertThat(result(counting, wrongTry).path("error").asText()).startsWith("Demasiados intentos con códigos");
    }

    @Test
    void a_number_is_tried_at_most_a_day_s_allowance_of_codes_however_many_calls_and_minutes() {
        // every call a new one, and as if minutes passed between them: only the day's allowance still counts
        VapiWebhook patient = patient();

        for (int call = 0; call < VoiceToolsInteractor.CODE_TRIES_PER_TARGET_A_DAY.tries(); call++) {
            assertThat(result(patient, guess("patient-" + call)).path("result").asText())
                    .startsWith("No encuentro ninguna cita");
        }
        assertThat(result(patient, guess("patient-last")).path("error").asText())
                .startsWith("Hoy ya se han probado demasiados códigos para esa cita o ese número: no puedo comprobar "
                        + "más hasta mañana.");
        assertThat(VoiceToolsInteractor.CODE_TRIES_PER_TARGET_A_DAY.guardsASecret())
                .isTrue();
    }

    @Test
    void a_business_takes_a_day_s_allowance_of_code_tries_however_many_numbers_are_tried() {
        VapiWebhook patient = patient();

        for (int call = 0; call < VoiceToolsInteractor.CODE_TRIES_PER_BUSINESS_A_DAY.tries(); call++) {
            String number = "+34600" + (100_000 + call);
            assertThat(result(patient, guess("list-" + call, number, VoiceDesk.LOLA_NUMBER))
                            .path("result")
                            .asText())
                    .startsWith("No encuentro ninguna cita");
        }
        assertThat(result(patient, guess("list-last", "+34611000000", VoiceDesk.LOLA_NUMBER))
                        .path("error")
                        .asText())
                .startsWith("Hoy ya se han probado demasiados códigos en este negocio: no puedo comprobar más hasta "
                        + "mañana.");
        assertThat(result(patient, guess("bob-1", "+34611000000", VoiceDesk.BOB_NUMBER))
                        .path("result")
                        .asText())
                .as("another business's allowance is its own")
                .startsWith("I cannot find an upcoming appointment");
        assertThat(VoiceToolsInteractor.CODE_TRIES_PER_BUSINESS_A_DAY.guardsASecret())
                .isTrue();
    }

    @Test
    void while_the_counts_are_away_no_code_is_tried_and_the_caller_hears_so() {
        VapiWebhook countsAway = VoiceDesk.webhook(
                desk.app,
                VoiceDesk.SETTINGS,
                (allowance, key) -> AllowanceStore.Count.UNCOUNTED,
                desk.clock,
                desk.metrics);
        JsonNode booked = onLolasLine(
                "pstn-1", VoiceDesk.CARMEN, AnswerToolCallUseCase.BOOK, booking("2026-11-24T10:00", "Carmen"));
        String code = group(CODE, booked).replace(" ", "");

        JsonNode tried = result(
                countsAway,
                message(
                        "sip-away",
                        "inboundPhoneCall",
                        "sip",
                        "line-" + VoiceDesk.LOLA_NUMBER,
                        null,
                        VoiceDesk.CARMEN,
                        Map.of(),
                        "tc",
                        AnswerToolCallUseCase.MINE,
                        Map.of("manage_code", code)));

        assertThat(tried.path("error").asText())
                .startsWith("Ahora mismo no puedo comprobar códigos de gestión; inténtalo más tarde.");
    }

    /** Every call a new one, and as if minutes passed between tries: only the day's allowances count. */
    private VapiWebhook patient() {
        Map<String, Integer> counted = new HashMap<>();
        return VoiceDesk.webhook(
                desk.app,
                VoiceDesk.SETTINGS,
                (allowance, key) -> allowance.period().compareTo(Duration.ofDays(1)) < 0
                                || counted.merge(allowance.name() + "|" + key, 1, Integer::sum) <= allowance.tries()
                        ? AllowanceStore.Count.WITHIN
                        : AllowanceStore.Count.SPENT,
                desk.clock,
                desk.metrics);
    }

    private String guess(String callId) {
        return guess(callId, VoiceDesk.CARMEN, VoiceDesk.LOLA_NUMBER);
    }

    /** A wrong code tried on a SIP call to {@code line}, claiming {@code caller}'s number. */
    private String guess(String callId, String caller, String line) {
        return message(
                callId,
                "inboundPhoneCall",
                "sip",
                "line-" + line,
                null,
                caller,
                Map.of(),
                "tc",
                AnswerToolCallUseCase.MINE,
                Map.of("manage_code", "123456"));
    }

    private JsonNode result(VapiWebhook webhook, String message) {
        return desk.read(webhook.handle(
                        message.getBytes(StandardCharsets.UTF_8),
                        VoiceDesk.header(Map.of("x-vapi-secret", VoiceDesk.SECRET))))
                .path("results")
                .path(0);
    }

    @Test
    void a_tool_call_id_two_calls_both_use_books_each_once() {
        // some models number their tool calls from one in every conversation
        JsonNode carmen = answer(message(
                "call-carmen",
                "inboundPhoneCall",
                "pstn",
                "line-" + VoiceDesk.LOLA_NUMBER,
                VoiceDesk.LOLA_NUMBER,
                VoiceDesk.CARMEN,
                Map.of(),
                "call_1",
                AnswerToolCallUseCase.BOOK,
                booking("2026-11-24T10:00", "Carmen")));
        JsonNode pedro = answer(message(
                "call-pedro",
                "inboundPhoneCall",
                "pstn",
                "line-" + VoiceDesk.LOLA_NUMBER,
                VoiceDesk.LOLA_NUMBER,
                PEDRO,
                Map.of(),
                "call_1",
                AnswerToolCallUseCase.BOOK,
                booking("2026-11-24T11:00", "Pedro")));
        JsonNode carmenAgain = answer(message(
                "call-carmen",
                "inboundPhoneCall",
                "pstn",
                "line-" + VoiceDesk.LOLA_NUMBER,
                VoiceDesk.LOLA_NUMBER,
                VoiceDesk.CARMEN,
                Map.of(),
                "call_1",
                AnswerToolCallUseCase.BOOK,
                booking("2026-11-24T10:00", "Carmen")));

        assertThat(carmen.path("result").asText())
                .startsWith("Reservado: Corte de pelo el martes 24 de noviembre a las 10:00");
        assertThat(pedro.path("result").asText())
                .startsWith("Reservado: Corte de pelo el martes 24 de noviembre a las 11:00");
        assertThat(carmenAgain.path("result").asText()).startsWith("Ya estaba reservado");
        assertThat(appointmentsOf(desk.lola)).isEqualTo(2);
    }
}
