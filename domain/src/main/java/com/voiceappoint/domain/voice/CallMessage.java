package com.voiceappoint.domain.voice;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One turn of a call's conversation: who spoke ({@code user} or {@code assistant}) and what was said. */
public record CallMessage(String role, String text, Optional<Instant> at) {
    public CallMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
