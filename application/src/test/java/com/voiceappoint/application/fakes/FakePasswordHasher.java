package com.voiceappoint.application.fakes;

import com.voiceappoint.application.port.out.PasswordHasher;

/** Cheap and transparent, for tests only: the real adapter uses Argon2id. */
public final class FakePasswordHasher implements PasswordHasher {
    @Override
    public String hash(String password) {
        return "fake$" + new StringBuilder(password).reverse();
    }

    @Override
    public boolean matches(String password, String hash) {
        return hash(password).equals(hash);
    }

    @Override
    public void simulateCheck(String password) {
        hash(password);
    }
}
