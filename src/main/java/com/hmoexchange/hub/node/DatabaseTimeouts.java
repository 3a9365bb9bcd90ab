package com.hmoexchange.hub.node;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Time limits on the hub's connections to PostgreSQL ({@code hub.database}), so that a database that stops
 * answering (its host gone, a network cut that sends no reset) fails the calls waiting on it instead of
 * holding request and consumer threads until the operating system gives up on the socket, hours later.
 * They are PgJDBC's own properties ({@link PostgresTimeouts} adds them to the pool); H2 ignores them.
 * Values and why: docs/reliability.md, "Scale-out".
 *
 * @param connectTimeout how long opening a TCP connection may take (PgJDBC {@code connectTimeout};
 *        HUB_DB_CONNECT_TIMEOUT). Each host of a multi-host URL gets this long.
 * @param loginTimeout how long connecting and signing in may take in all (PgJDBC {@code loginTimeout};
 *        HUB_DB_LOGIN_TIMEOUT): a server that takes the connection but does not answer
 * @param socketTimeout how long one read may wait for the server's answer (PgJDBC {@code socketTimeout};
 *        HUB_DB_SOCKET_TIMEOUT): longer than the longest single statement the hub runs (a retention delete, a
 *        large roster's statistics refresh, a migration's index), short enough that a dead server frees the thread.
 *        Zero: no limit.
 */
@Validated
@ConfigurationProperties("hub.database")
public record DatabaseTimeouts(@NotNull Duration connectTimeout, @NotNull Duration loginTimeout, @NotNull Duration socketTimeout) {

    public DatabaseTimeouts {
        for (Duration limit : new Duration[] {connectTimeout, loginTimeout, socketTimeout}) {
            if (limit != null && (limit.isNegative() || limit.toMillis() % 1000 != 0)) {
                throw new IllegalArgumentException("hub.database time limits are whole seconds, zero or more (PgJDBC counts"
                        + " seconds); got " + limit);
            }
        }
        if (connectTimeout != null && connectTimeout.isZero()) {
            throw new IllegalArgumentException("hub.database.connect-timeout (HUB_DB_CONNECT_TIMEOUT) must be at least 1s");
        }
    }
}
