package com.hmoexchange.hub.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who holds what, for operators: every name this node contests (each poller from the start, each duty from its
 * first turn here), with the node holding it by the lock's row, whichever node that is.
 */
@Component
class LockHolders {

    /**
     * One lock: its name; the node holding it (null when none does, or its holder stopped renewing it past the time to
     * live: a node that died, whose lock the next node to ask takes); when that node last renewed it; whether it is
     * this node.
     */
    record Holding(String name, String holder, Instant renewedAt, boolean heldHere) {
    }

    /** This node and the locks it contests. */
    record Cluster(String node, String lockTimeToLive, String renewPeriod, List<Holding> locks) {
    }

    private final LockClusterService service;
    private final JdbcTemplate jdbc;
    private final ClusterSettings settings;
    private final Clock clock;

    LockHolders(LockClusterService service, JdbcTemplate jdbc, ClusterSettings settings, Clock clock) {
        this.service = service;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    Cluster now() {
        List<Holding> locks = service.getNamespaces().stream().sorted(Comparator.naturalOrder()).map(this::holding).toList();
        return new Cluster(service.getId(), settings.lockTimeToLive().toString(), settings.renewPeriod().toString(), locks);
    }

    private Holding holding(String name) {
        // The lock registry keys a row by a UUID made from the name; its time is the holder's clock, in UTC.
        List<Holding> rows = jdbc.query("select client_id, created_date from cluster_lock where region = ? and lock_key = ?",
                (rs, i) -> {
                    Instant renewed = rs.getTimestamp(2).toLocalDateTime().toInstant(ZoneOffset.UTC);
                    boolean live = renewed.plus(settings.lockTimeToLive()).isAfter(clock.instant());
                    String holder = live ? rs.getString(1).strip() : null;
                    return new Holding(name, holder, renewed, service.getId().equals(holder));
                }, ClusterConfiguration.REGION, UUIDConverter.getUUID(name).toString());
        return rows.isEmpty() ? new Holding(name, null, null, false) : rows.get(0);
    }

}
