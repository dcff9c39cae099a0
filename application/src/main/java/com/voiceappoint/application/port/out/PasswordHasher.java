package com.voiceappoint.application.port.out;

/** One-way password hashing by a vetted library; the hash embeds its own salt and parameters. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);

    /**
     * Spends the time a real check would, for an unknown user, so response times do not reveal which e-mails are
     * registered.
     */
    void simulateCheck(String password);
}
