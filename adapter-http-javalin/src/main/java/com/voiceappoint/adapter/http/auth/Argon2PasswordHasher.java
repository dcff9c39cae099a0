package com.voiceappoint.adapter.http.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.voiceappoint.application.port.out.PasswordHasher;

/**
 * Argon2id through password4j, with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). The hash is a PHC
 * string carrying its own salt and parameters, so raising the cost later still verifies old hashes.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
    public static final Argon2PasswordHasher OWASP = new Argon2PasswordHasher(19 * 1024, 2, 1);

    private final Argon2Function argon2;
    private final String dummyHash;

    public Argon2PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        this.argon2 = Argon2Function.getInstance(memoryKiB, iterations, parallelism, 32, Argon2.ID);
        this.dummyHash = hash("not a real password");
    }

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    @Override
    public boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    @Override
    public void simulateCheck(String password) {
        matches(password, dummyHash);
    }
}
