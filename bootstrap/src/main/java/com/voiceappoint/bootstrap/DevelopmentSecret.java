package com.voiceappoint.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * In development only, a signing key generated once and kept beside the embedded database's data, so tokens
 * survive a restart of the server. Production must give JWT_SECRET; the server refuses to start without it.
 */
final class DevelopmentSecret {
    private static final String FILE = "dev-jwt-secret";

    private DevelopmentSecret() {}

    static String loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(dataDirectory);
            byte[] key = new byte[48];
            new SecureRandom().nextBytes(key);
            String secret = Base64.getEncoder().encodeToString(key);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            restrictToOwner(file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep a development secret in " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays readable by the user's own account, which is what we want anyway
        }
    }
}
