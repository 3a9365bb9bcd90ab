package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.claims.ClaimDeliveries;
import com.hmoexchange.hub.claims.ClaimDeliveries.DeliveryOutcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings claims in line with the message store: a claim its payer has (an attempt stored DELIVERED) whose
 * own delivery status does not say so (the dispatcher stored the outcome, then could not note it on the claim,
 * or the node died in between) is noted delivered. A redelivered message would only skip such a claim as
 * already delivered, so without this it would stay "not sent" for good. Runs shortly after start and then every
 * {@code hub.dispatch.repair.period}, on the node holding the duty {@code dispatch-repair} (routes/dispatch.camel.yaml).
 */
@Component("deliveryRepair")
class DeliveryRepair {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRepair.class);
    private static final int PER_RUN = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final ClaimDeliveries deliveries;
    private final DeliveryRepairSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    DeliveryRepair(NamedParameterJdbcTemplate jdbc, ClaimDeliveries deliveries, DeliveryRepairSettings settings, Clock clock,
            TransactionTemplate tx) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
    }

    /** Notes delivered each claim the message store has delivered but the claim does not; returns how many. */
    public int repair() {
        return note(behind(clock.instant().minus(settings.grace()), List.of()));
    }

    /**
     * The same at once for the given claims: a redelivered batch (its first node died after sending) found them
     * delivered in the store, and the claim may not say so yet. Called once that batch's send leases are let go.
     */
    int repairNow(Collection<String> claimNumbers) {
        return claimNumbers.isEmpty() ? 0 : note(behind(clock.instant(), claimNumbers));
    }

    private List<Behind> behind(Instant before, Collection<String> claimNumbers) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("before", Timestamp.from(before)).addValue("limit", PER_RUN);
        String only = "";
        if (!claimNumbers.isEmpty()) {
            only = " and c.claim_number in (:claims)";
            parameters.addValue("claims", claimNumbers);
        }
        return jdbc.query("""
                        select m.claim_number, max(m.idempotency_key) as idempotency_key,
                            max(m.payer_reference) as payer_reference, max(m.payer_code) as payer_code
                        from claim c join message_record m on m.claim_number = c.claim_number
                        where c.delivery_status <> 'DELIVERED' and c.submitted_at is not null
                          and m.direction = 'OUT' and m.outcome = 'DELIVERED' and m.finished_at <= :before%s
                        group by m.claim_number
                        order by m.claim_number
                        limit :limit""".formatted(only),
                parameters,
                (row, i) -> new Behind(row.getString("idempotency_key"), new DeliveryOutcome.Delivered(row.getString("claim_number"),
                        row.getString("payer_reference"), false, row.getString("payer_code"))));
    }

    private int note(List<Behind> behind) {
        List<String> repaired = new ArrayList<>();
        for (Behind claim : behind) {
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> noteUnlessBeingSent(claim)))) {
                    repaired.add(claim.outcome().claimNumber());
                }
            } catch (RuntimeException e) {
                log.warn("Could not note claim {} delivered, although the message store has it delivered to {}; "
                        + "the next repair tries again: {}", claim.outcome().claimNumber(), claim.outcome().payerCode(), e.toString());
            }
        }
        if (!repaired.isEmpty()) {
            log.warn("Noted {} claim(s) delivered that the message store had delivered but the claim did not say so: {}",
                    repaired.size(), repaired);
        }
        return repaired.size();
    }

    /** A claim whose send lease is held is being sent or noted right now: its batch notes it, not the repair. */
    private boolean noteUnlessBeingSent(Behind claim) {
        List<String> free = jdbc.queryForList("select idempotency_key from claim_send_lease where idempotency_key = :key for update skip locked",
                Map.of("key", claim.idempotencyKey()), String.class);
        if (free.isEmpty() && leaseExists(claim.idempotencyKey())) {
            return false;
        }
        deliveries.record(List.of(claim.outcome()));
        return true;
    }

    private boolean leaseExists(String key) {
        return !jdbc.queryForList("select idempotency_key from claim_send_lease where idempotency_key = :key",
                Map.of("key", key), String.class).isEmpty();
    }

    private record Behind(String idempotencyKey, DeliveryOutcome.Delivered outcome) {
    }
}
