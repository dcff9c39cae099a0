package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.http.RawRoute;
import com.voiceappoint.adapter.http.ratelimit.Limit;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.adapter.vapi.ToolCallThrottle;
import com.voiceappoint.adapter.vapi.VapiSettings;
import com.voiceappoint.adapter.vapi.VapiWebhook;
import com.voiceappoint.application.port.in.UseCases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Puts the Vapi adapter on the HTTP server: the adapters never meet except here. */
final class VoiceWiring {
    /** The seed's two spellings of one endpoint. */
    static final List<String> WEBHOOK_PATHS = List.of("/api/v1/vapi/webhook", "/api/v1/vapi_integration/webhook");

    private VoiceWiring() {}

    static RawRoute webhook(ServerConfig config, UseCases useCases, RateLimiter limiter, Clock clock) {
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
        // the tool calls count against the same limiter as logins: shared through Redis when it is configured
        ToolCallThrottle throttle =
                (name, key, perMinute) -> limiter.tryConsume(new Limit(name, perMinute, Duration.ofMinutes(1)), key)
                        .isEmpty();
        VapiWebhook webhook = new VapiWebhook(useCases, settings, throttle, clock);
        return new RawRoute(WEBHOOK_PATHS, voice.maxBodyBytes(), (body, header) -> {
            VapiWebhook.Answer answer = webhook.handle(body, header);
            return new RawRoute.Reply(answer.status(), answer.json());
        });
    }
}
