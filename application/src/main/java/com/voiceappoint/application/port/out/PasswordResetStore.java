package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.account.PasswordReset;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Password reset requests, found by the hash of their link's token. */
public interface PasswordResetStore {

    /** Keeps the request and forgets every earlier one of its user: only the newest link works. */
    void replace(PasswordReset reset);

    Optional<PasswordReset> findByTokenHash(String tokenHash);

    /**
     * Marks the request used, only if it is unused and unexpired at {@code at}. False means it was already used (two
     * submissions of one link racing), replaced or expired: the link sets no password.
     */
    boolean markUsed(UUID resetId, Instant at);
}
