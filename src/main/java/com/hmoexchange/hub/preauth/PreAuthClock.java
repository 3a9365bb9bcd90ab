package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.cluster.ClusterDuties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * NHIA's clock over every open request: reminds the HMO at the reminder, deems a request authorised at the limit,
 * and sends channel-mode requests the payer has not taken yet. Its state is the requests' rows (due and reminder
 * times, whether reminded), so a restart loses nothing: the next tick finds what fell due meanwhile. It runs on one
 * node at a time (the cluster duty {@value #DUTY}); each request is changed in its own transaction under the
 * request's version, so a second node or a desk deciding at the same moment makes the loser change nothing.
 */
@Component
class PreAuthClock {

    static final String DUTY = "preauth-clock";
    private static final Logger log = LoggerFactory.getLogger(PreAuthClock.class);
    private static final int BATCH = 200;

    private final ClusterDuties duties;
    private final PreAuthorisationRepository requests;
    private final PreAuthorisations preAuthorisations;
    private final PreAuthSender sender;
    private final TransactionTemplate tx;
    private final Clock clock;

    PreAuthClock(ClusterDuties duties, PreAuthorisationRepository requests, PreAuthorisations preAuthorisations,
            PreAuthSender sender, TransactionTemplate tx, Clock clock) {
        this.duties = duties;
        this.requests = requests;
        this.preAuthorisations = preAuthorisations;
        this.sender = sender;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hub.preauth.clock-period:30s}", initialDelayString = "${hub.preauth.clock-period:30s}")
    void scheduled() {
        duties.runIfHeld(DUTY, () -> tick(clock.instant()));
    }

    /** What one tick did. */
    record Tick(int reminded, int deemed, int sent) {
    }

    /** One pass at the moment {@code now} (tests pass a later moment instead of waiting). */
    Tick tick(Instant now) {
        int reminded = 0;
        int deemed = 0;
        for (long id : requests.pastTheLimit(now, PageRequest.of(0, BATCH))) {
            deemed += once(() -> preAuthorisations.deemIfDue(id, now)) ? 1 : 0;
        }
        for (long id : requests.dueForReminder(now, PageRequest.of(0, BATCH))) {
            reminded += once(() -> preAuthorisations.remindIfDue(id, now)) ? 1 : 0;
        }
        List<Long> unsent = requests.unsent(now, PageRequest.of(0, BATCH));
        int sent = 0;
        for (long id : unsent) {
            sender.sendQuietly(id);
            sent++;
        }
        if (reminded + deemed > 0) {
            log.info("Pre-authorisation clock: {} reminder(s), {} deemed authorised", reminded, deemed);
        }
        return new Tick(reminded, deemed, sent);
    }

    /** One request's change in its own transaction; false when another node or person changed it first. */
    private boolean once(java.util.function.BooleanSupplier change) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> change.getAsBoolean()));
        } catch (ObjectOptimisticLockingFailureException e) {
            return false;
        }
    }
}
