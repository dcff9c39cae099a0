package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.voice.VoiceCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An end-of-call report of a long call is larger than the webhook holds in memory (2 MiB): it is read as it arrives,
 * authenticated over all its bytes, and kept without the parts nobody reads.
 */
class LargeReportsTest {
    private static final String HMAC_KEY = "an-hmac-key";
    private static final int TURNS = 3_000;

    private final VoiceDesk desk = new VoiceDesk();

    /** A report over 3 MiB: 3,000 turns (each with word timings), the model's copy of them, and a long log. */
    private byte[] report(String callId) {
        ObjectNode root = desk.json.createObjectNode();
        ObjectNode message = root.putObject("message")
                .put("type", "end-of-call-report")
                .put("endedReason", "customer-ended-call")
                .put("startedAt", "2026-11-23T08:00:00Z")
                .put("endedAt", "2026-11-23T11:00:00Z");
        message.putObject("call")
                .put("id", callId)
                .put("type", "inboundPhoneCall")
                .put("phoneCallTransport", "pstn");
        message.putObject("phoneNumber")
                .put("number", VoiceDesk.LOLA_NUMBER)
                .put("id", "line-" + VoiceDesk.LOLA_NUMBER);
        message.putObject("customer").put("number", VoiceDesk.CARMEN);
        message.putObject("analysis").put("summary", "A very long call about a haircut.");
        ObjectNode artifact = message.putObject("artifact");
        ArrayNode turns = artifact.putArray("messages");
        ArrayNode openAi = message.putArray("messagesOpenAIFormatted");
        StringBuilder transcript = new StringBuilder();
        for (int i = 0; i < TURNS; i++) {
            String said = (i % 2 == 0 ? "Quería saber si tenéis hueco " : "Tenemos hueco el martes ") + i;
            ObjectNode turn = turns.addObject()
                    .put("role", i % 2 == 0 ? "user" : "bot")
                    .put("message", said)
                    .put("time", 1795420800000L + i * 1000L);
            ArrayNode words = turn.putObject("metadata").putArray("wordLevelConfidence");
            for (String word : said.split(" ")) {
                words.addObject()
                        .put("word", word)
                        .put("confidence", 0.97)
                        .put("start", 1.5)
                        .put("end", 1.9);
            }
            openAi.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", said);
            transcript.append(i % 2 == 0 ? "User: " : "AI: ").append(said).append('\n');
        }
        artifact.put("transcript", transcript.toString());
        artifact.put("logs", "x".repeat(2_000_000));
        byte[] body = root.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(3 * 1024 * 1024);
        return body;
    }

    private Optional<VoiceCall> logged(String callId) {
        return desk.app.callLog().calls(desk.lola.owner(), desk.lola.id(), Page.Request.first(50)).items().stream()
                .filter(c -> c.callId().equals(callId))
                .findFirst();
    }

    private static final VapiSettings HMAC_ONLY = new VapiSettings(
            Optional.empty(),
            "authorization",
            Optional.of(HMAC_KEY),
            "x-signature",
            "x-timestamp",
            Duration.ofMinutes(5),
            Optional.empty(),
            Language.ES);

    @TempDir
    Path spool;

    private final AtomicInteger readAsJson = new AtomicInteger();

    private VapiWebhook hmacOnly() {
        return VoiceDesk.webhook(desk.app, HMAC_ONLY, AllowanceStore.UNLIMITED, desk.clock, desk.metrics);
    }

    /** Signed with the HMAC key only, waiting in {@link #spool}, and counting the bodies read as JSON. */
    private VapiWebhook counting() {
        return new VapiWebhook(
                VoiceDesk.voice(desk.app, HMAC_ONLY, AllowanceStore.UNLIMITED, desk.clock),
                HMAC_ONLY,
                desk.clock,
                desk.metrics,
                spool,
                body -> {
                    readAsJson.incrementAndGet();
                    return Envelope.read(body, desk.json);
                });
    }

    private static final Map<String, String> FORGED =
            Map.of("x-timestamp", Long.toString(VoiceDesk.NOW.getEpochSecond()), "x-signature", "ab".repeat(32));

    private static Map<String, String> signed(byte[] body) throws Exception {
        String timestamp = Long.toString(VoiceDesk.NOW.getEpochSecond());
        return Map.of("x-timestamp", timestamp, "x-signature", sign(timestamp, body));
    }

    private List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }

    @Test
    void a_large_body_with_a_forged_signature_is_refused_without_being_read_as_json() throws Exception {
        byte[] body = report("call-forged");
        VapiWebhook webhook = counting();

        assertThat(webhook.handle(new ByteArrayInputStream(body), VoiceDesk.header(FORGED))
                        .status())
                .isEqualTo(401);
        assertThat(readAsJson)
                .as("nothing parsed before the signature is checked")
                .hasValue(0);
        assertThat(logged("call-forged")).isEmpty();

        assertThat(webhook.handle(new ByteArrayInputStream(body), VoiceDesk.header(signed(body)))
                        .status())
                .isEqualTo(200);
        assertThat(readAsJson).hasValue(1);
        assertThat(logged("call-forged")).isPresent();
        assertThat(spooled()).as("every waiting body deleted once answered").isEmpty();
    }

    /** The start of a body, then nothing until released: a slow sender. */
    private static final class Trickle extends InputStream {
        private final InputStream start = new ByteArrayInputStream(
                "{\"message\": {\"type\": \"end-of-call-report\"".getBytes(StandardCharsets.UTF_8));
        private final CountDownLatch sending;
        private final CountDownLatch released;
        private boolean counted;

        Trickle(CountDownLatch sending, CountDownLatch released) {
            this.sending = sending;
            this.released = released;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = start.read(bytes, offset, length);
            if (n > 0) {
                return n;
            }
            if (!counted) {
                counted = true;
                sending.countDown();
            }
            try {
                // bounded only so that a broken test ends
                if (!released.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return -1;
        }
    }

    @Test
    void only_a_few_signed_bodies_too_large_to_hold_wait_for_their_signature_at_once() throws Exception {
        VapiWebhook webhook = counting();
        CountDownLatch sending = new CountDownLatch(VapiWebhook.MAX_SPOOLED);
        CountDownLatch released = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(VapiWebhook.MAX_SPOOLED);
        try {
            List<Future<Integer>> slow = new ArrayList<>();
            for (int i = 0; i < VapiWebhook.MAX_SPOOLED; i++) {
                slow.add(senders.submit(() -> webhook.handle(new Trickle(sending, released), VoiceDesk.header(FORGED))
                        .status()));
            }
            assertThat(sending.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(spooled())
                    .hasSize(VapiWebhook.MAX_SPOOLED)
                    .allSatisfy(file -> assertThat(Files.getPosixFilePermissions(file))
                            .containsExactlyInAnyOrder(
                                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

            byte[] body = report("call-one-too-many");
            VapiWebhook.Answer oneTooMany =
                    webhook.handle(new ByteArrayInputStream(body), VoiceDesk.header(signed(body)));

            assertThat(oneTooMany.status()).isEqualTo(503);
            released.countDown();
            for (Future<Integer> answer : slow) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(401);
            }
            assertThat(webhook.handle(new ByteArrayInputStream(body), VoiceDesk.header(signed(body)))
                            .status())
                    .as("room again once they are answered")
                    .isEqualTo(200);
            assertThat(readAsJson).hasValue(1);
            assertThat(spooled()).isEmpty();
        } finally {
            released.countDown();
            senders.shutdownNow();
        }
    }

    private static String sign(String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HMAC_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void a_report_too_large_to_hold_is_kept_without_what_nobody_reads() throws IOException {
        VapiWebhook.Answer answer = desk.webhook.handle(
                new ByteArrayInputStream(report("call-long")),
                VoiceDesk.header(Map.of("x-vapi-secret", VoiceDesk.SECRET)));

        assertThat(answer.status()).isEqualTo(200);
        VoiceCall call =
                desk.app.callLog().transcript(desk.lola.owner(), "call-long").call();
        assertThat(call.endedReason()).contains("customer-ended-call");
        assertThat(call.summary()).contains("A very long call about a haircut.");
        assertThat(call.duration()).contains(Duration.ofHours(3));
        assertThat(call.transcript()).hasValueSatisfying(t -> assertThat(t).contains("Tenemos hueco el martes 2999"));
        assertThat(call.messages()).hasSize(CallReports.MAX_TURNS);
        assertThat(call.messages().get(0).text()).isEqualTo("Quería saber si tenéis hueco 0");
    }

    @Test
    void a_streamed_report_is_signed_over_every_byte_and_acted_on_only_then() throws Exception {
        byte[] body = report("call-signed");
        String timestamp = Long.toString(VoiceDesk.NOW.getEpochSecond());
        Map<String, String> signed = Map.of("x-timestamp", timestamp, "x-signature", sign(timestamp, body));
        // a byte past the JSON's end: read by no parser, still covered by the signature
        byte[] longer = new byte[body.length + 1];
        System.arraycopy(body, 0, longer, 0, body.length);
        longer[body.length] = ' ';

        assertThat(hmacOnly()
                        .handle(new ByteArrayInputStream(longer), VoiceDesk.header(signed))
                        .status())
                .isEqualTo(401);
        assertThat(hmacOnly()
                        .handle(new ByteArrayInputStream(body), VoiceDesk.header(Map.of()))
                        .status())
                .isEqualTo(401);
        assertThat(logged("call-signed")).isEmpty();

        assertThat(hmacOnly()
                        .handle(new ByteArrayInputStream(body), VoiceDesk.header(signed))
                        .status())
                .isEqualTo(200);
        assertThat(logged("call-signed")).isPresent();
    }

    @Test
    void a_text_longer_than_a_message_keeps_is_cut_not_the_report() throws IOException {
        String tooLong = """
                {"message": {"type": "end-of-call-report", "call": {"id": "call-huge", "type": "inboundPhoneCall",
                  "phoneCallTransport": "pstn"}, "phoneNumber": {"number": "%s"}, "endedReason": "customer-ended-call",
                  "artifact": {"transcript": "%s"}}}
                """.formatted(VoiceDesk.LOLA_NUMBER, "y".repeat(3 * Envelope.STREAMED_MAX_TEXT));

        VapiWebhook.Answer answer = desk.webhook.handle(
                new ByteArrayInputStream(tooLong.getBytes(StandardCharsets.UTF_8)),
                VoiceDesk.header(Map.of("x-vapi-secret", VoiceDesk.SECRET)));

        assertThat(answer.status()).isEqualTo(200);
        VoiceCall call = logged("call-huge").orElseThrow();
        assertThat(call.endedReason()).contains("customer-ended-call");
        assertThat(desk.app
                        .callLog()
                        .transcript(desk.lola.owner(), "call-huge")
                        .call()
                        .transcript())
                .hasValueSatisfying(t -> assertThat(t)
                        .hasSizeGreaterThan(Envelope.STREAMED_MAX_TEXT - 10)
                        .hasSizeLessThanOrEqualTo(CallReports.MAX_TRANSCRIPT_LENGTH)
                        .matches("y+"));
    }

    @Test
    void a_message_keeping_more_than_it_may_hold_is_unreadable_not_a_failure() throws IOException {
        // each turn's text within bounds, all of them together more than a message keeps
        String turn = "{\"role\": \"user\", \"message\": \"" + "z".repeat(3_000) + "\"}";
        String tooMuch = """
                {"message": {"type": "end-of-call-report", "call": {"id": "call-much", "type": "inboundPhoneCall"},
                  "phoneNumber": {"number": "%s"}, "artifact": {"messages": [%s]}}}
                """.formatted(VoiceDesk.LOLA_NUMBER, String.join(",", Collections.nCopies(1_500, turn)));

        VapiWebhook.Answer answer = desk.webhook.handle(
                new ByteArrayInputStream(tooMuch.getBytes(StandardCharsets.UTF_8)),
                VoiceDesk.header(Map.of("x-vapi-secret", VoiceDesk.SECRET)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(desk.read(answer).path("error").asText()).isEqualTo("unreadable message");
        assertThat(logged("call-much")).isEmpty();
    }
}
