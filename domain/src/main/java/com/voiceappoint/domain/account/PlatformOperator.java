package com.voiceappoint.domain.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A user with the platform's operator rights: they see every business's usage and may suspend or reactivate one,
 * and nothing more (no business's dashboard or data). Rights are given from the server's command line.
 */
public record PlatformOperator(UserId userId, Instant since) {
    public PlatformOperator {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(since, "since");
    }
}
