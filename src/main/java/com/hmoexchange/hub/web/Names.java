package com.hmoexchange.hub.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Payers, practices and plans by name where a page or an email would otherwise show their code ("Acme Health
 * HMO", not acme-hmo). Templates use it as {@code @names}. The few rows of these tables are read at once and kept
 * a minute, so a list of many claims costs no query per row; an unknown code is shown as it is.
 */
@Component("names")
public class Names {

    private static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;

    Names(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String payer(String code) {
        return name(current().payers, code);
    }

    public String practice(String code) {
        return name(current().practices, code);
    }

    /** A plan's name; a code that two HMOs give to differently named plans stays a code. */
    public String plan(String code) {
        return name(current().plans, code);
    }

    private static String name(Map<String, String> names, String code) {
        return code == null ? null : names.getOrDefault(code, code);
    }

    private Snapshot current() {
        Snapshot now = snapshot;
        Instant at = clock.instant();
        if (now == null || now.readAt.plus(FRESH_FOR).isBefore(at)) {
            now = new Snapshot(at, codes("select code, name from payer"), codes("select code, name from provider"),
                    codes("select code, min(name) from benefit_plan group by code having count(distinct name) = 1"));
            snapshot = now;
        }
        return now;
    }

    private Map<String, String> codes(String sql) {
        Map<String, String> names = new HashMap<>();
        jdbc.query(sql, rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    private record Snapshot(Instant readAt, Map<String, String> payers, Map<String, String> practices, Map<String, String> plans) {
    }
}
