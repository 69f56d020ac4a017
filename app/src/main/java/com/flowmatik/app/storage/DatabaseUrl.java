package com.flowmatik.app.storage;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A {@code DATABASE_URL} as the original service took it — {@code mysql://user:pass@host:3306/db}
 * (or {@code mariadb://…}) — or a plain JDBC URL, turned into what a JDBC pool needs.
 *
 * <p>The MySQL driver must not talk to MariaDB (it sees version "5.5.5", Hibernate then issues
 * MySQL-8-only locking SQL and projections silently stall), so a {@code mysql://} URL names the
 * server kind through {@code server}: {@code mariadb} gives a {@code jdbc:mariadb:} URL for the
 * MariaDB driver, anything else a {@code jdbc:mysql:} URL for Connector/J.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    public enum Server {
        MYSQL,
        MARIADB
    }

    /** Whether the URL is the short form whose server kind still has to be decided. */
    public static boolean isShortForm(String url) {
        String lower = url.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("mysql://") || lower.startsWith("mariadb://");
    }

    /** The server kind a short-form URL names by itself, or null when it could be either. */
    public static Server namedServer(String url) {
        return url.trim().toLowerCase(Locale.ROOT).startsWith("mariadb://") ? Server.MARIADB : null;
    }

    /** Parses either form; credentials in a JDBC URL are left where they are. */
    public static DatabaseUrl parse(String url, Server server) {
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:")) {
            return new DatabaseUrl(trimmed, null, null);
        }
        if (!isShortForm(trimmed)) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must be mysql://user:pass@host:port/db, mariadb://… or a jdbc: URL");
        }
        URI uri = URI.create(trimmed);
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
            throw new IllegalArgumentException("DATABASE_URL must name a host and a database: " + redacted(trimmed));
        }
        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        String scheme = server == Server.MARIADB ? "mariadb" : "mysql";
        int port = uri.getPort() < 0 ? 3306 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbcUrl = "jdbc:" + scheme + "://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
        return new DatabaseUrl(jdbcUrl, username, password);
    }

    /** The URL with any password replaced, for error messages and logs. */
    public static String redacted(String url) {
        return url.replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
