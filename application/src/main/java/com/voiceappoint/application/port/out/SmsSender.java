package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.client.PhoneNumber;

/** Sends text messages. */
public interface SmsSender {
    /** A server with no SMS provider set up: nothing goes out, and each message says so. */
    SmsSender NOT_CONFIGURED = (to, text, messageKey) -> new Delivery.NotConfigured();

    /** @param messageKey the message's send key, for the provider's records */
    Delivery send(PhoneNumber to, String text, String messageKey);
}
