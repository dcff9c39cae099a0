package com.voiceappoint.application.port.out;

import java.util.Objects;

/** How handing one message to a channel went. */
public sealed interface Delivery {
    /** Accepted by the channel. */
    record Sent(String reference) implements Delivery {
        public Sent {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** Refused for good: an invalid number, an address that bounces. Not tried again. */
    record Refused(String reason) implements Delivery {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A passing failure (the provider down, a timeout, a rate limit): worth trying again later. */
    record Failed(String reason) implements Delivery {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Not sent because the server has no such channel set up. */
    record NotConfigured() implements Delivery {}
}
