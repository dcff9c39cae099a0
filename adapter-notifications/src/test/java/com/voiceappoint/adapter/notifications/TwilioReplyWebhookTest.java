package com.voiceappoint.adapter.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.in.SmsReplyUseCase;
import com.voiceappoint.application.port.in.SmsReplyUseCase.Answer;
import com.voiceappoint.application.port.in.SmsReplyUseCase.Outcome;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.Language;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TwilioReplyWebhookTest {
    private static final String TOKEN = "12345";
    private static final String URL = "https://citas.example.com" + TwilioReplyWebhook.PATH;
    private static final TwilioSignature TWILIO = new TwilioSignature(TOKEN);
    private static final Answer CONFIRMED = new Answer(
            Outcome.CONFIRMED,
            Optional.of(Language.ES),
            Optional.of("Peluquería Carmen Centro"),
            Optional.of(new PhoneNumber("+34910123456")),
            Optional.of(MessageFixture.START));

    private final List<SmsReplyUseCase.InboundSms> heard = new ArrayList<>();
    private Answer answer = CONFIRMED;
    private RuntimeException failure;
    private boolean withinAllowance = true;

    private final SmsReplyUseCase replies = sms -> {
        heard.add(sms);
        if (failure != null) {
            throw failure;
        }
        return answer;
    };

    private TwilioReplyWebhook webhook(Optional<TwilioSignature> signature) {
        return new TwilioReplyWebhook(replies, signature, URL, Language.EN, sender -> withinAllowance);
    }

    private final TwilioReplyWebhook webhook = webhook(Optional.of(TWILIO));

    private static Map<String, String> reply(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "ES");
        form.put("SmsMessageSid", "SM0123456789abcdef0123456789abcdef");
        form.put("NumMedia", "0");
        form.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
        form.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        form.put("From", "+34600111222");
        form.put("To", "+34910000000");
        form.put("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef");
        form.put("Body", body);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String sign(Map<String, String> form) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        form.forEach((name, value) -> lists.put(name, List.of(value)));
        return TWILIO.sign(URL, lists);
    }

    private TwilioReplyWebhook.Answer post(TwilioReplyWebhook to, String body, Map<String, String> headers) {
        Function<String, Optional<String>> header = name -> Optional.ofNullable(headers.get(name));
        return to.handle(body.getBytes(StandardCharsets.UTF_8), header);
    }

    private TwilioReplyWebhook.Answer postSigned(Map<String, String> form) {
        return post(
                webhook,
                encode(form),
                Map.of(
                        "content-type",
                        "application/x-www-form-urlencoded; charset=UTF-8",
                        "x-twilio-signature",
                        sign(form)));
    }

    private static String message(TwilioReplyWebhook.Answer answer) {
        Matcher message = Pattern.compile("<Message>(.*)</Message>").matcher(answer.body());
        assertThat(message.find()).as(answer.body()).isTrue();
        return message.group(1);
    }

    @Test
    void a_signed_reply_reaches_the_use_case_with_what_twilio_vouches_for_and_is_answered_in_twiml() {
        TwilioReplyWebhook.Answer answered = postSigned(reply("Sí"));

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.contentType()).startsWith("application/xml");
        assertThat(answered.body())
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>")
                .endsWith("</Message></Response>");
        assertThat(message(answered))
                .isEqualTo("Peluqueria Carmen Centro: gracias, queda confirmada su cita del mar 8 dic, 10:00. "
                        + "Le esperamos.");
        assertThat(heard)
                .containsExactly(new SmsReplyUseCase.InboundSms(
                        "SM0123456789abcdef0123456789abcdef",
                        new PhoneNumber("+34600111222"),
                        java.util.Set.of("+34910000000", "MG0123456789abcdef0123456789abcdef"),
                        "Sí"));
    }

    @Test
    void a_missing_or_forged_signature_or_none_configured_is_refused_before_anything_is_done() {
        Map<String, String> form = reply("X");
        String body = encode(form);
        String form_ = "application/x-www-form-urlencoded";

        assertThat(post(webhook, body, Map.of("content-type", form_)).status()).isEqualTo(403);
        assertThat(post(webhook, body, Map.of("content-type", form_, "x-twilio-signature", " "))
                        .status())
                .isEqualTo(403);
        assertThat(post(webhook, body, Map.of("content-type", form_, "x-twilio-signature", "NOT" + sign(form)))
                        .status())
                .isEqualTo(403);
        Map<String, String> changed = new LinkedHashMap<>(form);
        changed.put("From", "+34600999888");
        assertThat(post(webhook, encode(changed), Map.of("content-type", form_, "x-twilio-signature", sign(form)))
                        .status())
                .as("a signature covers the sender")
                .isEqualTo(403);
        assertThat(post(
                                webhook(Optional.empty()),
                                body,
                                Map.of("content-type", form_, "x-twilio-signature", sign(form)))
                        .status())
                .as("no auth token on the server")
                .isEqualTo(403);
        assertThat(heard).isEmpty();
    }

    @Test
    void hostile_bodies_are_refused_without_reaching_the_use_case() {
        String form_ = "application/x-www-form-urlencoded";
        assertThat(post(
                                webhook,
                                "{\"From\": \"+34600111222\"}",
                                Map.of("content-type", "application/json", "x-twilio-signature", "abc"))
                        .status())
                .isEqualTo(415);
        assertThat(post(webhook, "Body=%E0%A4%A&From=%", Map.of("content-type", form_, "x-twilio-signature", "abc"))
                        .status())
                .isEqualTo(403);

        Map<String, String> noSid = reply("C");
        noSid.remove("MessageSid");
        assertThat(postSigned(noSid).status()).isEqualTo(400);

        Map<String, String> badSid = reply("C");
        badSid.put("MessageSid", "SM' or 1=1 --");
        assertThat(postSigned(badSid).status()).isEqualTo(400);

        Map<String, String> shortCode = reply("C");
        shortCode.put("From", "22395");
        TwilioReplyWebhook.Answer fromShortCode = postSigned(shortCode);
        assertThat(fromShortCode.status()).isEqualTo(200);
        assertThat(fromShortCode.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        assertThat(heard).isEmpty();
    }

    @Test
    void a_sender_over_the_allowance_is_not_answered() {
        withinAllowance = false;
        assertThat(postSigned(reply("C")).status()).isEqualTo(429);
        assertThat(heard).isEmpty();
    }

    @Test
    void a_database_away_is_a_503_so_that_the_reply_is_not_taken_as_handled() {
        failure = new StoreUnavailableException("database away", new RuntimeException());
        TwilioReplyWebhook.Answer answered = postSigned(reply("X"));
        assertThat(answered.status()).isEqualTo(503);
        assertThat(answered.body()).doesNotContain("<Message>");
    }

    @Test
    void a_name_with_markup_is_escaped_and_a_reply_from_no_known_business_is_in_the_server_s_language() {
        answer = new Answer(
                Outcome.FORWARDED,
                Optional.of(Language.EN),
                Optional.of("Nails & <Co>"),
                Optional.empty(),
                Optional.empty());
        assertThat(message(postSigned(reply("llegaré tarde"))))
                .isEqualTo("Nails &amp; &lt;Co&gt;: we have passed your message to the team, who will get back to you "
                        + "soon.");

        answer = Answer.of(Outcome.UNKNOWN_SENDER);
        assertThat(message(postSigned(reply("C"))))
                .isEqualTo("We found no recent appointment for this number. Please call the business for any change.");
    }

    /**
     * Every answer, in both languages, with and without the business's phone, for the longest short date either
     * language writes: one GSM-7 segment, naming the business (when known), the date (when about one appointment) and
     * the phone (where the client is asked to call).
     */
    static Stream<Arguments> everyAnswer() {
        ZonedDateTime longestDate = ZonedDateTime.of(2026, 9, 30, 10, 0, 0, 0, MessageFixture.MADRID);
        List<Arguments> answers = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            for (Language language : Language.values()) {
                for (Optional<PhoneNumber> phone :
                        List.of(Optional.of(new PhoneNumber("+34910123456")), Optional.<PhoneNumber>empty())) {
                    boolean known = outcome != Outcome.UNKNOWN_SENDER;
                    boolean oneAppointment = known && outcome != Outcome.AMBIGUOUS;
                    answers.add(Arguments.of(new Answer(
                            outcome,
                            known ? Optional.of(language) : Optional.empty(),
                            known ? Optional.of("Peluquería Carmen Centro") : Optional.empty(),
                            known ? phone : Optional.empty(),
                            oneAppointment ? Optional.of(longestDate) : Optional.empty())));
                }
            }
        }
        answers.add(Arguments.of(Answer.of(Outcome.AMBIGUOUS)));
        return answers.stream();
    }

    @ParameterizedTest
    @MethodSource("everyAnswer")
    void every_answer_is_one_gsm_7_segment(Answer given) {
        String words = ReplyWording.of(given, Language.ES);

        assertThat(GsmText.isGsm(words)).as(words).isTrue();
        assertThat(GsmText.segments(words)).as(words).isEqualTo(1);
        assertThat(words).doesNotContain("{", "}", "  ");
        given.businessName().ifPresent(name -> assertThat(words).startsWith("Peluqueria Carmen Centro: "));
        if (given.start().isPresent() && given.outcome() != Outcome.FORWARDED) {
            assertThat(words).containsAnyOf("mié 30 sept, 10:00", "Wed 30 Sep, 10:00");
        }
        boolean asksToCall = given.outcome() == Outcome.TOO_LATE
                || given.outcome() == Outcome.NOT_OPEN
                || given.outcome() == Outcome.AMBIGUOUS;
        if (asksToCall && given.businessPhone().isPresent()) {
            assertThat(words).contains("+34910123456");
        }
    }
}
