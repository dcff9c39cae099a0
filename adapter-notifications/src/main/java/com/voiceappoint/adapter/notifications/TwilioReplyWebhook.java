package com.voiceappoint.adapter.notifications;

import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.in.SmsReplyUseCase;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Twilio's incoming-message webhook: a client's answer to one of our texts, form-encoded as Twilio posts it, answered
 * with TwiML whose {@code <Message>} is the text sent back to them (no second request to Twilio, no second cost).
 *
 * <p>Nothing is read before the request is proven Twilio's: {@code X-Twilio-Signature} must sign the exact URL Twilio
 * was given ({@code PUBLIC_URL} and {@link #PATH}) and every parameter, with the account's auth token; a missing or
 * wrong one is a 403 with nothing done. Twilio then vouches for {@code From}, which is how the client is known. The
 * answer is in the client's language, else the business's, else the server's; a body that is not a form Twilio would
 * send is refused (400) before the use case hears of it, and a sender over its allowance gets no answer (429), so a
 * loop between two automatic responders stops.
 */
public final class TwilioReplyWebhook {
    private static final System.Logger LOG = System.getLogger(TwilioReplyWebhook.class.getName());

    public static final String PATH = "/api/v1/notifications/sms/inbound";
    /** Twilio's form for a long text with every field fits well inside this. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public static final String TWIML = "application/xml; charset=UTF-8";
    private static final String NOTHING = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    private static final String FORM = "application/x-www-form-urlencoded";
    /** Twilio's message ids: two letters and 32 hex digits; a little leeway for ids it may mint otherwise. */
    private static final Pattern MESSAGE_SID = Pattern.compile("[A-Za-z]{2}[0-9A-Za-z]{8,62}");

    private static final Pattern LINE = Pattern.compile("[+0-9A-Za-z:]{1,64}");

    /** Counts a sender's replies: {@code false} once they are over their allowance. */
    @FunctionalInterface
    public interface Throttle {
        boolean allows(PhoneNumber sender);
    }

    /** What to answer Twilio: a status and TwiML. */
    public record Answer(int status, String contentType, String body) {
        static Answer twiml(int status, String body) {
            return new Answer(status, TWIML, body);
        }
    }

    private final SmsReplyUseCase replies;
    private final Optional<TwilioSignature> signature;
    private final String url;
    private final Language defaultLanguage;
    private final Throttle throttle;

    /**
     * @param signature empty when the server has no Twilio auth token: then no request can be proven, and all are
     *     refused
     * @param url the URL Twilio calls, exactly as configured in Twilio's console
     */
    public TwilioReplyWebhook(
            SmsReplyUseCase replies,
            Optional<TwilioSignature> signature,
            String url,
            Language defaultLanguage,
            Throttle throttle) {
        this.replies = Objects.requireNonNull(replies, "replies");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.url = Objects.requireNonNull(url, "url");
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    /** @param header a request header by its lower-case name */
    public Answer handle(byte[] body, Function<String, Optional<String>> header) {
        Optional<String> signed = header.apply("x-twilio-signature").filter(s -> !s.isBlank());
        if (signature.isEmpty() || signed.isEmpty()) {
            return refused();
        }
        boolean form = header.apply("content-type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith(FORM))
                .orElse(false);
        if (!form) {
            return Answer.twiml(415, NOTHING);
        }
        Map<String, List<String>> params;
        try {
            params = parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return refused();
        }
        if (!signature.get().isValidForm(url, params, signed.get())) {
            return refused();
        }
        Optional<String> sid = single(params, "MessageSid").filter(MESSAGE_SID.asMatchPredicate());
        Optional<String> to = single(params, "To").filter(LINE.asMatchPredicate());
        if (sid.isEmpty() || to.isEmpty()) {
            return Answer.twiml(400, NOTHING);
        }
        Optional<PhoneNumber> from = single(params, "From").flatMap(TwilioReplyWebhook::phone);
        if (from.isEmpty()) {
            // a short code, a sender name, another channel's address: no client of ours writes from these
            return Answer.twiml(200, NOTHING);
        }
        if (!throttle.allows(from.get())) {
            return Answer.twiml(429, NOTHING);
        }
        Set<String> lines = new LinkedHashSet<>();
        lines.add(to.get());
        single(params, "MessagingServiceSid").filter(LINE.asMatchPredicate()).ifPresent(lines::add);
        SmsReplyUseCase.Answer answer;
        try {
            answer = replies.reply(new SmsReplyUseCase.InboundSms(
                    sid.get(), from.get(), lines, single(params, "Body").orElse("")));
        } catch (StoreUnavailableException | OutcomeUnknownException away) {
            // nothing was done, or it cannot be told yet: Twilio's retry (or the client's) is answered by what was kept
            LOG.log(System.Logger.Level.WARNING, "text reply " + sid.get() + " not handled: " + away.getMessage());
            return Answer.twiml(503, NOTHING);
        }
        return Answer.twiml(
                200,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                        + xml(ReplyWording.of(answer, defaultLanguage))
                        + "</Message></Response>");
    }

    private static Answer refused() {
        return Answer.twiml(403, NOTHING);
    }

    /** Each name's values in the order sent; a malformed escape is an {@link IllegalArgumentException}. */
    static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** A parameter Twilio sends once; a repeated one is not Twilio's. */
    private static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    private static Optional<PhoneNumber> phone(String value) {
        try {
            return Optional.of(new PhoneNumber(value));
        } catch (InvalidValueException notANumber) {
            return Optional.empty();
        }
    }

    private static String xml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    // characters XML 1.0 cannot hold (controls) are dropped rather than break the answer
                    if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }
}
