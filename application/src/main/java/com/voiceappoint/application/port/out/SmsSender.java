package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.client.PhoneNumber;
import java.util.Optional;

/** Sends text messages. */
public interface SmsSender {
    /** A server with no SMS provider set up: nothing goes out, and each message says so. */
    SmsSender NOT_CONFIGURED = (to, text, messageKey) -> new Delivery.NotConfigured();

    /** @param messageKey the message's send key, for the provider's records */
    Delivery send(PhoneNumber to, String text, String messageKey);

    /**
     * The number (or the provider's name for a pool of numbers) texts go from, which clients' replies are sent to:
     * a reply is matched to the texts sent to its sender from the line it arrived on. Empty when there is none.
     */
    default Optional<String> line() {
        return Optional.empty();
    }
}
