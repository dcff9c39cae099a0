package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.http.RawRoute;
import com.voiceappoint.adapter.http.ratelimit.Limit;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.adapter.notifications.TwilioReplyWebhook;
import com.voiceappoint.adapter.notifications.TwilioSettings;
import com.voiceappoint.adapter.notifications.TwilioSignature;
import com.voiceappoint.application.port.in.SmsReplyUseCase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts Twilio's incoming-message webhook on the HTTP server, counting each sender's replies in the server's limiter. */
final class SmsReplyWiring {
    private static final Logger LOG = LoggerFactory.getLogger(SmsReplyWiring.class);

    /**
     * A client answers a text or two; more than this is an automatic responder answering our answers, or someone
     * who should call.
     */
    static final Limit PER_SENDER = new Limit("sms-replies-sender", 10, Duration.ofMinutes(10));

    private SmsReplyWiring() {}

    /** Signed requests only: without TWILIO_AUTH_TOKEN every request is refused, since none can be proven. */
    static RawRoute webhook(ServerConfig config, SmsReplyUseCase replies, RateLimiter limiter) {
        Optional<TwilioSignature> signature =
                config.messaging().twilio().map(TwilioSettings::authToken).map(TwilioSignature::new);
        if (signature.isEmpty()) {
            LOG.info("no TWILIO_AUTH_TOKEN: replies to texts at {} are refused", TwilioReplyWebhook.PATH);
        }
        TwilioReplyWebhook webhook = new TwilioReplyWebhook(
                replies, signature, url(config), config.defaultLanguage(), sender -> within(limiter, sender.value()));
        return new RawRoute(
                "POST", List.of(TwilioReplyWebhook.PATH), TwilioReplyWebhook.MAX_BODY_BYTES, (body, header) -> {
                    TwilioReplyWebhook.Answer answer = webhook.handle(body, header);
                    return new RawRoute.Reply(answer.status(), answer.contentType(), answer.body());
                });
    }

    /** What Twilio signs: the URL it was given, which must be this one exactly. */
    static String url(ServerConfig config) {
        return VoiceWiring.publicUrl(config) + TwilioReplyWebhook.PATH;
    }

    private static boolean within(RateLimiter limiter, String sender) {
        try {
            return limiter.tryConsume(PER_SENDER, sender).isEmpty();
        } catch (RuntimeException countsAway) {
            // a client's answer matters more than a counter: the signature already proved it is Twilio's
            LOG.warn("reply limit unavailable: {}", countsAway.getMessage());
            return true;
        }
    }
}
