package com.hmoexchange.hub.claims;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The services a payer's claims billed, line by line, for matching a remittance's service lines that do not
 * echo the hub's line number (X12 REF*6R): by service code, date and billed amount.
 */
@Service
public class BilledLines {

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;

    BilledLines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One billed line: its position on the claim, what was done, when, and the amount billed. */
    public record Billed(int position, String serviceCode, LocalDate serviceDate, BigDecimal amount) {
    }

    /** The lines of each of the payer's claims (by number), in line order; claims it does not have are left out. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, List<Billed>> of(long payerId, List<String> numbers) {
        Map<String, List<Billed>> lines = new HashMap<>();
        for (int from = 0; from < numbers.size(); from += CHUNK) {
            List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + CHUNK));
            List<Object> args = new ArrayList<>();
            args.add(payerId);
            args.addAll(chunk);
            jdbc.query("select c.claim_number, l.position, l.service_code, l.service_date, l.unit_price, l.quantity "
                    + "from claim c join claim_line l on l.claim_id = c.id where c.payer_id = ? and c.claim_number in ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ") order by c.claim_number, l.position",
                    rs -> {
                        BigDecimal amount = rs.getBigDecimal(5).multiply(BigDecimal.valueOf(rs.getInt(6)))
                                .setScale(2, RoundingMode.HALF_UP);
                        lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Billed(rs.getInt(2),
                                rs.getString(3), rs.getObject(4, LocalDate.class), amount));
                    }, args.toArray());
        }
        return lines;
    }
}
