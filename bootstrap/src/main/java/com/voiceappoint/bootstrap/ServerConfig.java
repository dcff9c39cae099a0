package com.voiceappoint.bootstrap;

import com.voiceappoint.domain.shared.Language;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server reads from its environment, with the defaults that make a bare {@code java -jar} work.
 *
 * @param production whether {@code APP_ENV=production}: then a missing secret stops the start instead of being
 *     generated
 * @param databaseUrl empty means an embedded PostgreSQL keeping its data under {@code dataDirectory}
 */
public record ServerConfig(
        boolean production,
        String host,
        int port,
        Optional<String> databaseUrl,
        int databasePoolSize,
        Path dataDirectory,
        Optional<String> jwtSecret,
        Duration accessTokenLifetime,
        long maxRequestBytes,
        Language defaultLanguage) {

    /** The variables read, with their defaults; .env.example and the docs list the same. */
    public static final Map<String, String> VARIABLES = Map.of(
            "APP_ENV", "development",
            "HOST", "0.0.0.0",
            "PORT", "8000",
            "DATABASE_URL", "(unset: embedded PostgreSQL)",
            "DATABASE_POOL_SIZE", "10",
            "DATA_DIR", ".voiceappoint",
            "JWT_SECRET", "(required in production; generated per data directory in development)",
            "ACCESS_TOKEN_MINUTES", "30",
            "MAX_REQUEST_BYTES", "65536",
            "DEFAULT_LANGUAGE", "es");

    public static ServerConfig from(Map<String, String> env) {
        String environment = env.getOrDefault("APP_ENV", "development").trim();
        if (!environment.equals("development") && !environment.equals("production")) {
            throw new IllegalArgumentException("APP_ENV is development or production, not " + environment);
        }
        return new ServerConfig(
                environment.equals("production"),
                env.getOrDefault("HOST", "0.0.0.0"),
                integer(env, "PORT", 8000, 0, 65_535),
                nonBlank(env, "DATABASE_URL"),
                integer(env, "DATABASE_POOL_SIZE", 10, 2, 200),
                Path.of(env.getOrDefault("DATA_DIR", ".voiceappoint")),
                nonBlank(env, "JWT_SECRET").or(() -> nonBlank(env, "SECRET_KEY")),
                Duration.ofMinutes(integer(env, "ACCESS_TOKEN_MINUTES", 30, 1, 24 * 60)),
                integer(env, "MAX_REQUEST_BYTES", 64 * 1024, 1024, 10 * 1024 * 1024),
                Language.fromTag(env.getOrDefault("DEFAULT_LANGUAGE", "es"))
                        .orElseThrow(() -> new IllegalArgumentException("DEFAULT_LANGUAGE is es or en")));
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException("%s must be between %d and %d".formatted(name, min, max));
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value, e);
        }
    }
}
