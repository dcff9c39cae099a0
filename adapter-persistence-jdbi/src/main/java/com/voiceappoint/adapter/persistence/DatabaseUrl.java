package com.voiceappoint.adapter.persistence;

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
        // the authority is taken apart by hand: java.net.URI gives no host for names with underscores (db_1)
        String rest = trimmed.substring(trimmed.indexOf("://") + 3);
        int pathStart = firstOf(rest, '/', '?');
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String pathAndQuery = pathStart < 0 ? "" : rest.substring(pathStart);
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String[] credentials = authority.substring(0, at).split(":", 2);
            user = decode(credentials[0]);
            password = credentials.length > 1 ? decode(credentials[1]) : null;
            authority = authority.substring(at + 1);
        }
        String host = authority;
        String port = "5432";
        int colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf(']')) {
            host = authority.substring(0, colon);
            port = authority.substring(colon + 1);
        }
        if (host.isEmpty() || !port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("a database URL names a host and, optionally, a numeric port");
        }
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String query = pathAndQuery.contains("?") ? pathAndQuery.substring(pathAndQuery.indexOf('?')) : "";
        String database = path.length() <= 1 ? "postgres" : path.substring(1);
        return new DatabaseUrl("jdbc:postgresql://" + host + ":" + port + "/" + database + query, user, password);
    }

    private static int firstOf(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** The same server, another database: tests create one database per test class. */
    public DatabaseUrl withDatabase(String database) {
        String withoutQuery = jdbcUrl.split("\\?", 2)[0];
        String query = jdbcUrl.contains("?") ? "?" + jdbcUrl.split("\\?", 2)[1] : "";
        int slash = withoutQuery.lastIndexOf('/');
        return new DatabaseUrl(withoutQuery.substring(0, slash + 1) + database + query, user, password);
    }

    /** Percent-escapes only: in a URL's user info a "+" is a plus, not a space as in a form. */
    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl.replaceAll("password=[^&]*", "password=***") + ", user=" + user + "]";
    }
}
