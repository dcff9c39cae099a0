package com.voiceappoint.adapter.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.voiceappoint.application.port.out.PasswordHasher;
import java.util.concurrent.Semaphore;

/**
 * Argon2id through password4j, with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). The hash is a PHC
 * string carrying its own salt and parameters, so raising the cost later still verifies old hashes.
 *
 * <p>At most a few hashes run at once, a few per core: each takes its memory for a while, and a burst of logins must
 * queue rather than take the server's heap.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
    public static final Argon2PasswordHasher OWASP = new Argon2PasswordHasher(19 * 1024, 2, 1);

    private final Argon2Function argon2;
    private final String dummyHash;
    private final Semaphore running = new Semaphore(2 * Runtime.getRuntime().availableProcessors(), true);

    public Argon2PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        this.argon2 = Argon2Function.getInstance(memoryKiB, iterations, parallelism, 32, Argon2.ID);
        this.dummyHash = hash("not a real password");
    }

    @Override
    public String hash(String password) {
        running.acquireUninterruptibly();
        try {
            return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
        } finally {
            running.release();
        }
    }

    @Override
    public boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        running.acquireUninterruptibly();
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformedHash) {
            return false;
        } finally {
            running.release();
        }
    }

    @Override
    public void simulateCheck(String password) {
        matches(password, dummyHash);
    }
}
