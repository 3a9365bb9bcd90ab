package com.hmoexchange.hub.claims;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Hands out the hub's claim numbers from a database sequence, so they are unique across hub nodes. */
@Component
class ClaimNumbers {

    private final JdbcTemplate jdbc;

    ClaimNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String next() {
        Long value = jdbc.queryForObject("select nextval('claim_number_seq')", Long.class);
        return "CLM-%08d".formatted(value);
    }
}
