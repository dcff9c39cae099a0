package com.voiceappoint.adapter.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where the database is. Accepts both the libpq form used by most platforms and docker-compose
 * ({@code postgresql://user:pass@host:5432/db?sslmode=require}) and a JDBC URL ({@code jdbc:postgresql://...},
 * user and password as parameters or given apart).
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {
    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the database URL is empty");
        }
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, null, null);
        }
        if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
            throw new IllegalArgumentException("a database URL starts with postgresql:// or jdbc:postgresql:");
        }
        try {
            URI uri = new URI(trimmed);
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            String database = uri.getPath() == null || uri.getPath().length() <= 1
                    ? "postgres"
                    : uri.getPath().substring(1);
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new DatabaseUrl(
                    "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database + query, user, password);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a database URL", e);
        }
    }

    /** The same server, another database: tests create one database per test class. */
    public DatabaseUrl withDatabase(String database) {
        String withoutQuery = jdbcUrl.split("\\?", 2)[0];
        String query = jdbcUrl.contains("?") ? "?" + jdbcUrl.split("\\?", 2)[1] : "";
        int slash = withoutQuery.lastIndexOf('/');
        return new DatabaseUrl(withoutQuery.substring(0, slash + 1) + database + query, user, password);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl.replaceAll("password=[^&]*", "password=***") + ", user=" + user + "]";
    }
}
