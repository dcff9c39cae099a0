package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.PasswordResetStore;
import com.voiceappoint.domain.account.PasswordReset;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

final class InMemoryPasswordResetStore implements PasswordResetStore {
    private final Table<UUID, PasswordReset> resets;

    InMemoryPasswordResetStore(InMemoryTransactionRunner transactions) {
        resets = new Table<>(transactions);
    }

    @Override
    public void replace(PasswordReset reset) {
        resets.removeIf(earlier -> earlier.userId().equals(reset.userId()));
        resets.put(reset.id(), reset);
    }

    @Override
    public Optional<PasswordReset> findByTokenHash(String tokenHash) {
        return resets.stream().filter(r -> r.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public boolean markUsed(UUID resetId, Instant at) {
        PasswordReset reset = resets.find(resetId).orElse(null);
        if (reset == null || !reset.isOpen(at)) {
            return false;
        }
        resets.put(
                resetId,
                new PasswordReset(
                        reset.id(),
                        reset.userId(),
                        reset.tokenHash(),
                        reset.requestedAt(),
                        reset.expiresAt(),
                        Optional.of(at)));
        return true;
    }
}
