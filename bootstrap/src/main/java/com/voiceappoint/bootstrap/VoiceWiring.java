package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.http.RawRoute;
import com.voiceappoint.adapter.http.ratelimit.Limit;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.adapter.vapi.ToolDefinitions;
import com.voiceappoint.adapter.vapi.VapiPlatformGateway;
import com.voiceappoint.adapter.vapi.VapiSettings;
import com.voiceappoint.adapter.vapi.VapiWebhook;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.usecase.VoiceInteractors;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts the Vapi adapter on the HTTP server: the adapters never meet except here. */
final class VoiceWiring {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceWiring.class);
    /** The seed's two spellings of one endpoint. */
    static final List<String> WEBHOOK_PATHS = List.of(ToolDefinitions.WEBHOOK_PATH, "/api/v1/vapi_integration/webhook");

    static final String TOOLS_PATH = "/api/v1/vapi/tools";

    /** Placing a call is interactive: a member is waiting for the answer. */
    static final Duration API_TIMEOUT = Duration.ofSeconds(10);

    private VoiceWiring() {}

    /** Vapi's REST API for outbound calls; without a key every call is refused as unavailable. */
    static VapiPlatformGateway voicePlatform(ServerConfig config, Clock clock) {
        ServerConfig.Voice voice = config.voice();
        return new VapiPlatformGateway(
                new VapiPlatformGateway.Api(
                        voice.apiUrl(), voice.apiKey(), voice.phoneNumberId(), voice.assistantId(), API_TIMEOUT),
                clock);
    }

    /** Our tools as Vapi takes them, pointing at where Vapi reaches us. */
    static RawRoute toolDefinitions(ServerConfig config) {
        String definitions = ToolDefinitions.json(publicUrl(config));
        return new RawRoute("GET", List.of(TOOLS_PATH), 0, (body, header) -> RawRoute.Reply.json(200, definitions));
    }

    static String publicUrl(ServerConfig config) {
        return config.voice().publicUrl().orElse("http://localhost:" + config.port());
    }

    static RawRoute webhook(
            ServerConfig config, UseCases useCases, RateLimiter limiter, Clock clock, MeterRegistry metrics) {
        ServerConfig.Voice voice = config.voice();
        VapiSettings settings = new VapiSettings(
                voice.webhookSecret(),
                voice.credentialHeader(),
                voice.hmacSecret(),
                voice.signatureHeader(),
                voice.timestampHeader(),
                voice.replayWindow(),
                voice.assistantId(),
                config.defaultLanguage());
        VapiWebhook webhook = new VapiWebhook(
                VoiceInteractors.create(useCases, throttle(limiter), config.defaultLanguage(), clock),
                settings,
                clock,
                metrics);
        // a long call's end-of-call report can be larger than a body held in memory: it is read as it arrives; a
        // request without credentials in its headers is refused before any of its body is read
        return new RawRoute(
                "POST",
                WEBHOOK_PATHS,
                voice.maxBodyBytes(),
                (body, header) -> reply(webhook.handle(body, header)),
                Optional.of(new RawRoute.Streamed(
                        VapiWebhook.MAX_STREAMED_BYTES, (body, header) -> reply(webhook.handle(body, header)))),
                header -> webhook.beforeBody(header).map(VoiceWiring::reply));
    }

    /** Tool calls count against the same limiter as logins: shared through Redis when it is configured. */
    static AllowanceStore throttle(RateLimiter limiter) {
        return (allowance, key) -> {
            try {
                return limiter.tryConsume(new Limit(allowance.name(), allowance.tries(), allowance.period()), key)
                                .isEmpty()
                        ? AllowanceStore.Count.WITHIN
                        : AllowanceStore.Count.SPENT;
            } catch (RuntimeException countsAway) {
                LOG.warn("tool-call limit {} unavailable: {}", allowance.name(), countsAway.getMessage());
                return AllowanceStore.Count.UNCOUNTED;
            }
        };
    }

    private static RawRoute.Reply reply(VapiWebhook.Answer answer) {
        return RawRoute.Reply.json(answer.status(), answer.json());
    }
}
