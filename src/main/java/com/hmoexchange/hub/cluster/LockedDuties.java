package com.hmoexchange.hub.cluster;

import com.hmoexchange.hub.cluster.LockClusterService.LockView;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Duties held through the cluster lock: a duty is the lock {@code duty.<name>}, contested from its first call on
 * this node; the holder runs the work, the other nodes skip it. A node's first call of a duty waits for the lock's
 * first answer (at most two renew periods), so a single node runs its first turn of an hourly timer, not the second.
 */
class LockedDuties implements ClusterDuties {

    static final String PREFIX = "duty.";
    private static final Logger log = LoggerFactory.getLogger(LockedDuties.class);

    private final LockClusterService cluster;
    private final Duration firstAnswerWait;
    private final Map<String, LockView> views = new ConcurrentHashMap<>();

    LockedDuties(LockClusterService cluster, Duration renewPeriod) {
        this.cluster = cluster;
        this.firstAnswerWait = renewPeriod.multipliedBy(2);
    }

    @Override
    public boolean runIfHeld(String duty, Runnable work) {
        LockView view = views.computeIfAbsent(duty, name -> cluster.contest(PREFIX + name));
        if (!view.awaitFirstAnswer(firstAnswerWait) || !view.held()) {
            log.debug("Duty {} is held by another node (or not yet by any): skipped here", duty);
            return false;
        }
        work.run();
        return true;
    }
}
