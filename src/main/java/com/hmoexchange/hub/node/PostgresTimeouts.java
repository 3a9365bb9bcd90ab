package com.hmoexchange.hub.node;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Gives the connection pool PgJDBC's time limits ({@link DatabaseTimeouts}) when the database is PostgreSQL.
 * Done here rather than as {@code spring.datasource.hikari.data-source-properties} in application.yml because
 * the zero-setup H2 database refuses connection properties it does not know.
 */
@Component
class PostgresTimeouts implements BeanPostProcessor {

    private final ObjectProvider<DatabaseTimeouts> timeouts;

    PostgresTimeouts(ObjectProvider<DatabaseTimeouts> timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            DatabaseTimeouts limits = timeouts.getObject();
            // Properties the URL sets itself win: an operator's URL says what that deployment needs.
            setUnlessInUrl(pool, "connectTimeout", limits.connectTimeout().toSeconds());
            setUnlessInUrl(pool, "loginTimeout", limits.loginTimeout().toSeconds());
            setUnlessInUrl(pool, "socketTimeout", limits.socketTimeout().toSeconds());
        }
        return bean;
    }

    private static void setUnlessInUrl(HikariDataSource pool, String name, long seconds) {
        if (!pool.getJdbcUrl().contains(name + "=")) {
            pool.addDataSourceProperty(name, Long.toString(seconds));
        }
    }
}
