package com.voiceappoint.adapter.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voiceappoint.application.port.out.Delivery;
import com.voiceappoint.application.port.out.SmsSender;
import com.voiceappoint.domain.client.PhoneNumber;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Text messages through Twilio's REST API: one form POST to {@code /2010-04-01/Accounts/{sid}/Messages.json} with
 * the JDK's HTTP client (Twilio's SDK brings its own HTTP stack and cannot easily be pointed at a stand-in).
 *
 * <p>Twilio's answer decides what happens next. A 201 is {@link Delivery.Sent} with the message's SID. A 400 whose
 * error code says the number cannot take this text (21211 not a valid number, 21614 not a mobile, 21610 the client
 * sent STOP, 21408 a country the account may not text, and the others in {@link #REFUSED_FOR_GOOD}) is
 * {@link Delivery.Refused}, as is any other 4xx about the request. Our own settings (a refused login, an unknown
 * account, a sender Twilio will not send from) and passing trouble (429, 5xx, no answer, a broken connection) are
 * {@link Delivery.Failed}, to be tried again once fixed or later.
 *
 * <p>The send key is not sent: Twilio's Message resource has no field for a reference of ours, and no idempotency
 * key; the delivery log keeps the SID beside the key instead.
 */
public final class TwilioSmsSender implements SmsSender {
    /**
     * Twilio error codes that mean this text can never reach this number, from Twilio's error dictionary: the To
     * number is invalid (21211, 21217, 21401, 21421), unreachable or not for text (21214, 21407, 21612, 21614,
     * 21635), unverified on a trial account (21608), in a country the account may not text (21408), has sent STOP
     * (21610); or the text itself is missing or too long (21602, 21604, 21617).
     */
    static final Set<Integer> REFUSED_FOR_GOOD = Set.of(
            21211, 21214, 21217, 21401, 21407, 21408, 21421, 21602, 21604, 21608, 21610, 21612, 21614, 21617, 21635);

    /** Twilio error codes about our sender: a setting to fix, after which the same text can go. */
    static final Set<Integer> SENDER_SETTING = Set.of(21212, 21603, 21606, 21659);

    private final TwilioSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public TwilioSmsSender(TwilioSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The channel the environment sets up (see {@link TwilioSettings}), or empty when it sets none. */
    public static Optional<SmsSender> fromEnvironment(Map<String, String> env) {
        return TwilioSettings.fromEnvironment(env).map(TwilioSmsSender::new);
    }

    @Override
    public Delivery send(PhoneNumber to, String text, String messageKey) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to.value());
        form.put(settings.sender().field(), settings.sender().value());
        form.put("Body", text);
        HttpRequest request = HttpRequest.newBuilder(messagesUri())
                .timeout(settings.timeout())
                .header("Authorization", basic(settings.accountSid(), settings.authToken()))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Delivery.Failed(
                    "Twilio did not answer within " + settings.timeout().toSeconds() + " s");
        } catch (IOException e) {
            return new Delivery.Failed("Twilio could not be reached: "
                    + e.getClass().getSimpleName()
                    + Optional.ofNullable(e.getMessage()).map(m -> " " + m).orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Failed("interrupted while sending to Twilio");
        }
        return outcome(response.statusCode(), read(response.body()));
    }

    /** Our {@code From} number, or the Messaging Service whose numbers clients' replies arrive on. */
    @Override
    public Optional<String> line() {
        return Optional.of(settings.sender().value());
    }

    private Delivery outcome(int status, JsonNode body) {
        if (status >= 200 && status < 300) {
            return new Delivery.Sent(body.path("sid").asText("(no sid)"));
        }
        String twilio = describe(status, body);
        if (status == 401 || status == 403) {
            return new Delivery.Failed(
                    "Twilio refused the credentials: check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (" + twilio + ")");
        }
        if (status == 404) {
            return new Delivery.Failed("Twilio knows no such account: check TWILIO_ACCOUNT_SID (" + twilio + ")");
        }
        if (status == 429 || status >= 500 || status < 400) {
            return new Delivery.Failed("Twilio: " + twilio);
        }
        int code = body.path("code").asInt(0);
        if (SENDER_SETTING.contains(code)) {
            return new Delivery.Failed("Twilio will not send from "
                    + settings.sender().value() + ": check "
                    + (settings.sender().field().equals("From") ? "TWILIO_FROM" : "TWILIO_MESSAGING_SERVICE_SID")
                    + " (" + twilio + ")");
        }
        return new Delivery.Refused("Twilio: " + twilio);
    }

    /** "HTTP 400, error 21211: The 'To' number 5551234567 is not a valid phone number." */
    private static String describe(int status, JsonNode body) {
        StringBuilder words = new StringBuilder("HTTP ").append(status);
        if (body.hasNonNull("code")) {
            words.append(", error ").append(body.get("code").asText());
        }
        if (body.hasNonNull("message")) {
            words.append(": ").append(body.get("message").asText().strip());
        }
        return words.toString();
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            // a proxy's HTML error page: the status alone decides
            return json.createObjectNode();
        }
    }

    private URI messagesUri() {
        return URI.create(settings.baseUrl() + "/2010-04-01/Accounts/" + settings.accountSid() + "/Messages.json");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
