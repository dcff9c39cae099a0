package com.voiceappoint.adapter.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.voiceappoint.application.port.out.Delivery;
import com.voiceappoint.application.port.out.SmsSender;
import com.voiceappoint.domain.client.PhoneNumber;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a stand-in for Twilio on a real local socket, answering as Twilio does. */
class TwilioSmsChannelTest {
    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "auth-token-0123";
    private static final PhoneNumber CLIENT = new PhoneNumber("+34600123456");
    private static final String TEXT =
            "Peluquería Carmen Centro: cita confirmada, Corte & peinado, mié 30 sept, 10:00. Gestionar: https://x.es/m?a=1";

    private HttpServer twilio;
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 201;
    private volatile String answer =
            "{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\",\"error_code\":null}";
    private volatile boolean hang;
    private volatile Request received;

    record Request(String method, String path, Map<String, String> headers, String body) {
        Map<String, String> form() {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                String[] parts = pair.split("=", 2);
                form.put(
                        URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
            return form;
        }
    }

    @BeforeEach
    void startTwilio() throws IOException {
        twilio = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        twilio.setExecutor(Executors.newCachedThreadPool());
        twilio.createContext("/", this::answer);
        twilio.start();
    }

    @AfterEach
    void stopTwilio() {
        release.countDown();
        twilio.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        received = new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (hang) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void a_text_is_one_form_post_to_the_account_s_messages_with_basic_auth_and_becomes_sent_with_its_sid() {
        Delivery delivery = channel(TwilioSettings.Sender.number("+15005550006"), Duration.ofSeconds(5))
                .send(CLIENT, TEXT, "appointment-1/confirmed/sms");

        assertThat(delivery).isEqualTo(new Delivery.Sent("SM0123456789abcdef0123456789abcdef"));
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(received.headers().get("authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(received.headers().get("content-type")).startsWith("application/x-www-form-urlencoded");
        assertThat(received.form())
                .containsExactly(
                        Map.entry("To", "+34600123456"), Map.entry("From", "+15005550006"), Map.entry("Body", TEXT));
        assertThat(received.body())
                .startsWith("To=%2B34600123456&From=%2B15005550006&Body=Peluquer%C3%ADa+Carmen+Centro")
                .contains("Corte+%26+peinado", "mi%C3%A9+30+sept", "https%3A%2F%2Fx.es%2Fm%3Fa%3D1");
    }

    @Test
    void with_a_messaging_service_the_service_picks_the_number() {
        channel(TwilioSettings.Sender.messagingService("MG0123456789abcdef0123456789abcdef"), Duration.ofSeconds(5))
                .send(CLIENT, "Hola", "k");

        assertThat(received.form())
                .containsEntry("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef")
                .doesNotContainKey("From");
    }

    @Test
    void a_number_twilio_says_is_invalid_is_refused_for_good() {
        status = 400;
        answer = "{\"code\": 21211, \"message\": \"The 'To' number +34600123456 is not a valid phone number.\","
                + " \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}";

        Delivery delivery = channel().send(CLIENT, "Hola", "k");

        assertThat(delivery)
                .isEqualTo(new Delivery.Refused(
                        "Twilio: HTTP 400, error 21211: The 'To' number +34600123456 is not a valid phone number."));
    }

    @Test
    void a_client_who_sent_stop_a_landline_and_a_country_not_enabled_are_refused_for_good() {
        status = 400;
        for (int code : new int[] {21610, 21614, 21408, 21635}) {
            answer = "{\"code\": " + code + ", \"message\": \"no\", \"status\": 400}";

            assertThat(channel().send(CLIENT, "Hola", "k")).as("error %d", code).isInstanceOf(Delivery.Refused.class);
        }
    }

    @Test
    void a_sender_twilio_will_not_send_from_is_a_setting_to_fix() {
        status = 400;
        answer = "{\"code\": 21606, \"message\": \"The From phone number is not a valid, SMS-capable inbound phone"
                + " number or short code for your account.\", \"status\": 400}";

        Delivery delivery = channel().send(CLIENT, "Hola", "k");

        assertThat(delivery).isInstanceOf(Delivery.Failed.class);
        assertThat(((Delivery.Failed) delivery).reason()).contains("TWILIO_FROM", "21606");
    }

    @Test
    void wrong_credentials_fail_with_a_reason_that_says_so_and_does_not_repeat_the_token() {
        status = 401;
        answer = "{\"code\": 20003, \"message\": \"Authenticate\", \"more_info\":"
                + " \"https://www.twilio.com/docs/errors/20003\", \"status\": 401}";

        Delivery delivery = channel().send(CLIENT, "Hola", "k");

        assertThat(delivery).isInstanceOf(Delivery.Failed.class);
        assertThat(((Delivery.Failed) delivery).reason())
                .contains("credentials", "TWILIO_AUTH_TOKEN", "20003")
                .doesNotContain(TOKEN);
    }

    @Test
    void a_rate_limit_and_twilio_s_own_trouble_are_tried_again_later() {
        status = 429;
        answer = "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}";
        assertThat(channel().send(CLIENT, "Hola", "k")).isInstanceOf(Delivery.Failed.class);

        status = 500;
        answer = "{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}";
        assertThat(channel().send(CLIENT, "Hola", "k")).isInstanceOf(Delivery.Failed.class);

        status = 503;
        answer = "<html><body>Service Unavailable</body></html>";
        Delivery delivery = channel().send(CLIENT, "Hola", "k");
        assertThat(delivery).isEqualTo(new Delivery.Failed("Twilio: HTTP 503"));
    }

    @Test
    void a_twilio_that_never_answers_fails_when_the_timeout_runs_out() {
        hang = true;

        long began = System.nanoTime();
        Delivery delivery = channel(TwilioSettings.Sender.number("+15005550006"), Duration.ofSeconds(1))
                .send(CLIENT, "Hola", "k");

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        assertThat(delivery).isEqualTo(new Delivery.Failed("Twilio did not answer within 1 s"));
    }

    @Test
    void a_twilio_that_is_not_there_fails_at_once() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        TwilioSmsSender channel = new TwilioSmsSender(new TwilioSettings(
                SID,
                TOKEN,
                TwilioSettings.Sender.number("+15005550006"),
                URI.create("http://127.0.0.1:" + deadPort),
                Duration.ofSeconds(10)));

        long began = System.nanoTime();
        Delivery delivery = channel.send(CLIENT, "Hola", "k");

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        assertThat(delivery).isInstanceOf(Delivery.Failed.class);
        assertThat(((Delivery.Failed) delivery).reason()).startsWith("Twilio could not be reached: ConnectException");
    }

    @Test
    void the_channel_is_built_from_the_environment_and_points_where_twilio_base_url_says() {
        SmsSender channel = TwilioSmsSender.fromEnvironment(Map.of(
                        "TWILIO_ACCOUNT_SID",
                        SID,
                        "TWILIO_AUTH_TOKEN",
                        TOKEN,
                        "TWILIO_FROM",
                        "+15005550006",
                        "TWILIO_BASE_URL",
                        "http://127.0.0.1:" + twilio.getAddress().getPort() + "/"))
                .orElseThrow();

        assertThat(channel.send(CLIENT, "Hola", "k")).isInstanceOf(Delivery.Sent.class);
        assertThat(received.path()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(TwilioSmsSender.fromEnvironment(Map.of())).isEmpty();
    }

    private TwilioSmsSender channel() {
        return channel(TwilioSettings.Sender.number("+15005550006"), Duration.ofSeconds(5));
    }

    private TwilioSmsSender channel(TwilioSettings.Sender sender, Duration timeout) {
        return new TwilioSmsSender(new TwilioSettings(
                SID,
                TOKEN,
                sender,
                URI.create("http://127.0.0.1:" + twilio.getAddress().getPort()),
                timeout));
    }
}
