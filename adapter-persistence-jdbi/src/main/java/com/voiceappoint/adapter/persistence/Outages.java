package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.error.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleCallbackDecorator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.spi.JdbiPlugin;

/**
 * Where JDBI meets a database that is not there, it says so in the application's terms: {@link
 * StoreUnavailableException}, which the API answers with 503 and {@code Retry-After}. JDBI's own hooks catch it at
 * the three places a lost database shows: the pool cannot give a connection in time (the database down or
 * restarting, or every connection busy for longer than the pool waits); a plugin's set-up of a new handle runs on a
 * connection that died meanwhile; a statement or a commit is cut off. A statement the database gave up on, after
 * waiting longer than the pool's lock or statement timeout, is the same to a caller: nothing was done. Every
 * repository goes through all three, so none needs to know.
 */
final class Outages {
    private static final String STORE = "database";

    private Outages() {}

    static Jdbi jdbi(DataSource dataSource, JdbiPlugin... plugins) {
        Jdbi jdbi = Jdbi.create(() -> connection(dataSource));
        for (JdbiPlugin plugin : plugins) {
            jdbi.installPlugin(new Guarded(plugin));
        }
        jdbi.setHandleCallbackDecorator(new HandleCallbackDecorator() {
            @Override
            public <R, X extends Exception> HandleCallback<R, X> decorate(HandleCallback<R, X> callback) {
                return handle -> {
                    try {
                        return callback.withHandle(handle);
                    } catch (JdbiException e) {
                        throw translated(e);
                    }
                };
            }
        });
        return jdbi;
    }

    private static Connection connection(DataSource dataSource) throws SQLException {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw unavailableOr(e);
        }
    }

    private static SQLException unavailableOr(SQLException e) {
        if (PostgresErrors.isConnectionFailure(e)) {
            throw new StoreUnavailableException(STORE, e);
        }
        return e;
    }

    private static RuntimeException translated(JdbiException e) {
        return PostgresErrors.isConnectionFailure(e) || PostgresErrors.isTimedOut(e)
                ? new StoreUnavailableException(STORE, e)
                : e;
    }

    /**
     * A plugin whose set-up of a handle may ask the server something (the PostgreSQL plugin reads its large-object
     * functions on a connection's first handle): a connection the pool thought alive fails there first.
     */
    private record Guarded(JdbiPlugin plugin) implements JdbiPlugin {
        @Override
        public void customizeJdbi(Jdbi jdbi) throws SQLException {
            plugin.customizeJdbi(jdbi);
        }

        @Override
        public Handle customizeHandle(Handle handle) throws SQLException {
            try {
                return plugin.customizeHandle(handle);
            } catch (JdbiException e) {
                throw translated(e);
            } catch (SQLException e) {
                throw unavailableOr(e);
            }
        }

        @Override
        public Connection customizeConnection(Connection connection) throws SQLException {
            return plugin.customizeConnection(connection);
        }
    }
}
