package com.hmoexchange.hub.notifications;

import com.hmoexchange.hub.common.Texts;
import com.hmoexchange.hub.mail.Email;
import com.hmoexchange.hub.mail.Mailer;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people what happened, in the app and by email: a practice's billing staff about their claims,
 * the hub's operators about files and messages that need a person. Notices about one document go out as
 * one email per practice (a digest), however many claims it moved; in-app notices are one per claim,
 * written in batches so that a large file does not write them one at a time.
 */
@Service
public class Notifications {

    private final JdbcTemplate jdbc;
    private final Mailer mailer;
    private final Clock clock;
    private final String operatorsEmail;
    private final String publicUrl;

    Notifications(JdbcTemplate jdbc, Mailer mailer, Clock clock,
            @Value("${hub.responses.operators-email:}") String operatorsEmail, @Value("${hub.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.clock = clock;
        this.operatorsEmail = operatorsEmail;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** What happened to one claim of a practice. Kinds: CLAIM_REJECTED, CLAIM_PARTIAL, CLAIM_PAID, CLAIM_OVERPAID, CLAIM_STALE. */
    public record PracticeNotice(long providerId, String kind, String claimNumber, String message) {
    }

    /** In-app notices for the practices' staff, and one email per practice that has a billing address. */
    @Transactional
    public void tellPractices(List<PracticeNotice> notices, String emailSubject) {
        if (notices.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>(notices.size());
        Map<Long, List<PracticeNotice>> byPractice = new LinkedHashMap<>();
        for (PracticeNotice n : notices) {
            rows.add(new Object[] {n.providerId(), n.kind(), n.claimNumber(), Texts.shortened(n.message(), 1000), now.atOffset(ZoneOffset.UTC)});
            byPractice.computeIfAbsent(n.providerId(), k -> new ArrayList<>()).add(n);
        }
        jdbc.batchUpdate("insert into notification (audience, provider_id, kind, claim_number, message, created_at) "
                + "values ('PRACTICE', ?, ?, ?, ?, ?)", rows,
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE});
        String marks = String.join(",", Collections.nCopies(byPractice.size(), "?"));
        jdbc.query("select id, billing_email from provider where billing_email is not null and id in (" + marks + ")", rs -> {
            List<PracticeNotice> own = byPractice.get(rs.getLong(1));
            StringBuilder body = new StringBuilder();
            own.stream().limit(200).forEach(n -> body.append("- ").append(Texts.shortened(n.message(), 300)).append('\n'));
            if (own.size() > 200) {
                body.append("... and ").append(own.size() - 200).append(" more.\n");
            }
            body.append("\nSee them in the hub: ").append(publicUrl).append("/api/notifications\n");
            mailer.sendAfterCommit(new Email(rs.getString(2), emailSubject + " (" + own.size() + " claim"
                    + (own.size() == 1 ? "" : "s") + ")", body.toString()));
        }, byPractice.keySet().toArray());
    }

    /** An in-app notice for the hub's operators, and an email to the operations address when one is set. */
    @Transactional
    public void tellOperators(String kind, String message) {
        jdbc.update("insert into notification (audience, kind, message, created_at) values ('OPERATORS', ?, ?, ?)",
                kind, Texts.shortened(message, 1000), clock.instant().atOffset(ZoneOffset.UTC));
        if (!operatorsEmail.isBlank()) {
            mailer.sendAfterCommit(new Email(operatorsEmail, "Hub operations: " + kind.toLowerCase().replace('_', ' '),
                    message + "\n\n" + publicUrl + "/api/notifications\n"));
        }
    }
}
