package com.hmoexchange.hub.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Payers, practices and plans by name where a page or an email would otherwise show their code ("Acme Health
 * HMO", not acme-hmo). Templates use it as {@code @names}. Each table's few rows are read at once and kept a minute,
 * so a list of many claims costs no query per row; a code not among them (one added since) is looked up on its own.
 * A code that names nothing is shown as it is.
 */
@Component("names")
public class Names {

    private static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final Lookup payers;
    private final Lookup practices;
    private final Lookup plans;

    Names(JdbcTemplate jdbc, Clock clock) {
        this.payers = new Lookup(jdbc, clock, "select code, name from payer", "select name from payer where code = ?");
        this.practices = new Lookup(jdbc, clock, "select code, name from provider", "select name from provider where code = ?");
        // A plan code that two HMOs give to differently named plans stays a code: the page could not tell which.
        this.plans = new Lookup(jdbc, clock, "select code, min(name) from benefit_plan group by code having count(distinct name) = 1",
                "select min(name) from benefit_plan where code = ? having count(distinct name) = 1");
    }

    public String payer(String code) {
        return payers.name(code);
    }

    public String practice(String code) {
        return practices.name(code);
    }

    public String plan(String code) {
        return plans.name(code);
    }

    private static final class Lookup {

        private final JdbcTemplate jdbc;
        private final Clock clock;
        private final String all;
        private final String one;
        private volatile Map<String, String> names = new ConcurrentHashMap<>();
        private volatile Instant readAt = Instant.MIN;

        Lookup(JdbcTemplate jdbc, Clock clock, String all, String one) {
            this.jdbc = jdbc;
            this.clock = clock;
            this.all = all;
            this.one = one;
        }

        String name(String code) {
            if (code == null) {
                return null;
            }
            Instant now = clock.instant();
            if (readAt.plus(FRESH_FOR).isBefore(now)) {
                Map<String, String> read = new ConcurrentHashMap<>();
                jdbc.query(all, rs -> {
                    read.put(rs.getString(1), rs.getString(2));
                });
                names = read;
                readAt = now;
            }
            String name = names.get(code);
            if (name == null) {
                List<String> found = jdbc.queryForList(one, String.class, code);
                name = found.isEmpty() || found.get(0) == null ? code : found.get(0);
                names.put(code, name);
            }
            return name;
        }
    }
}
