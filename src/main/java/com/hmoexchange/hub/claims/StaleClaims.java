package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.notifications.NotificationKind;
import com.hmoexchange.hub.notifications.Notifications;
import com.hmoexchange.hub.notifications.Notifications.PracticeNotice;
import com.hmoexchange.hub.web.Display;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells billing staff about claims that had no news from the payer past its limit (payer.yaml
 * staleAfterDays), once per stale period: news from the payer moves the limit on, and a claim that goes
 * stale again is told again. Called on a timer by the claims-stale-check route; safe on several nodes
 * (the claims are locked while they are flagged, and rows another node holds are skipped).
 */
@Component("staleClaims")
public class StaleClaims {

    private static final Logger log = LoggerFactory.getLogger(StaleClaims.class);

    private final JdbcTemplate jdbc;
    private final Notifications notifications;
    private final Clock clock;

    StaleClaims(JdbcTemplate jdbc, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public int tellNewlyStale() {
        Instant now = clock.instant();
        List<Object[]> flagged = new ArrayList<>();
        List<PracticeNotice> notices = new ArrayList<>();
        java.util.Map<Long, String> payerNames = new java.util.HashMap<>();
        jdbc.query("select id, name from payer", rs -> {
            payerNames.put(rs.getLong(1), rs.getString(2));
        });
        jdbc.query("select id, claim_number, provider_id, status, stale_after, payer_id from claim "
                + "where status in ('SUBMITTED', 'RECEIVED', 'IN_REVIEW') "
                + "and stale_after < ? and (stale_notified_at is null or stale_notified_at < stale_after) "
                + "order by id limit 1000 for update skip locked", rs -> {
                    flagged.add(new Object[] {now.atOffset(ZoneOffset.UTC), rs.getLong(1)});
                    notices.add(new PracticeNotice(rs.getLong(3), NotificationKind.CLAIM_STALE, rs.getString(2), "Claim " + rs.getString(2)
                            + " (" + ClaimStatus.valueOf(rs.getString(4)).label().toLowerCase(java.util.Locale.ROOT) + ") has had no news from "
                            + payerNames.get(rs.getLong(6)) + " past its limit (stale since "
                            + Display.dayOf(rs.getObject(5, java.time.OffsetDateTime.class).toLocalDate()) + "): chase the payer."));
                }, now.atOffset(ZoneOffset.UTC));
        jdbc.batchUpdate("update claim set stale_notified_at = ? where id = ?", flagged);
        notifications.tellPractices(notices, "Claims with no news from the payer");
        if (!notices.isEmpty()) {
            log.info("{} claim(s) went stale; their practices were told", notices.size());
        }
        return notices.size();
    }
}
