package com.hmoexchange.hub.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What a member's claims have used of a benefit: the amounts payers approved on lines whose service code starts with a
 * prefix, for services in a period. Only decided claims that were approved in whole or part count (a paid claim is
 * one of them); a rejected claim, a line approved at nothing and a claim not yet decided add nothing.
 */
@Service
public class BenefitUse {

    private final JdbcTemplate jdbc;

    BenefitUse(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The approved amounts on the member's lines with the prefix (in capitals), for services from {@code from} to {@code to}. */
    public BigDecimal approved(long enrolleeId, String servicePrefix, LocalDate from, LocalDate to) {
        return jdbc.queryForObject("select coalesce(sum(l.approved_amount), 0) from claim c join claim_line l on l.claim_id = c.id "
                + "where c.enrollee_id = ? and c.status in ('" + ClaimStatus.APPROVED.name() + "', '" + ClaimStatus.PARTIAL.name()
                + "') and l.service_date between ? and ? and left(upper(l.service_code), length(?)) = ?",
                BigDecimal.class, enrolleeId, from, to, servicePrefix, servicePrefix);
    }
}
