package com.hmoexchange.hub.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.event.LeaderEventPublisher;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * Camel's cluster service over a lock in the hub's database, so that a route wrapped in {@code master:<name>:<uri>}
 * consumes on one node at a time, and {@link ClusterDuties} runs a timer's work on one node. Each name (a view,
 * in Camel's words) is one lock of the registry, contested by Spring Integration's
 * {@link LockRegistryLeaderInitiator}: the holder renews it every renew period; the others ask for it as often and
 * get it once the holder let it go (a node that stops) or stopped renewing for the lock's time to live (a node that
 * died). Leadership changes reach Camel on a thread of their own, so starting a consumer never delays a renewal.
 */
public class LockClusterService extends AbstractCamelClusterService<LockClusterService.LockView> {

    private static final Logger log = LoggerFactory.getLogger(LockClusterService.class);

    private final LockRegistry locks;
    private final Duration renewPeriod;

    public LockClusterService(String nodeId, LockRegistry locks, Duration renewPeriod) {
        super(nodeId);
        this.locks = locks;
        this.renewPeriod = renewPeriod;
    }

    @Override
    protected LockView createView(String namespace) {
        return new LockView(namespace);
    }

    /** The view of a name, contested from now on (as long as the service runs); never released. */
    LockView contest(String namespace) {
        try {
            return (LockView) getView(namespace);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot contest " + namespace + ": " + e.getMessage(), e);
        }
    }

    /** One name's lock as this node sees it: whether it holds it now. */
    public final class LockView extends AbstractCamelClusterView {

        private final LockRegistryLeaderInitiator initiator;
        private final Member local = new Member();
        private final CountDownLatch firstAnswer = new CountDownLatch(1);
        private volatile boolean held;
        private volatile CountDownLatch released = new CountDownLatch(0);
        private volatile ExecutorService events;

        LockView(String namespace) {
            super(LockClusterService.this, namespace);
            initiator = new LockRegistryLeaderInitiator(locks, new Holder());
            initiator.setHeartBeatMillis(renewPeriod.toMillis());
            // After losing the lock or a database error, ask again a renew period later (not every 50 ms).
            initiator.setBusyWaitMillis(renewPeriod.toMillis());
            initiator.setPublishFailedEvents(true);
            initiator.setLeaderEventPublisher(new FirstAnswer());
            initiator.setTaskExecutor(new SimpleAsyncTaskExecutor("hub-lock-" + namespace + "-"));
        }

        /** Whether this node holds the lock now. */
        public boolean held() {
            return held;
        }

        /** Waits until this node first got or was refused the lock (a new view), at most {@code wait}. */
        boolean awaitFirstAnswer(Duration wait) {
            try {
                return firstAnswer.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return held ? Optional.of(local) : Optional.empty();
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(local);
        }

        @Override
        protected void doStart() {
            events = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "hub-cluster-" + getNamespace());
                thread.setDaemon(true);
                return thread;
            });
            initiator.start();
        }

        /** Lets the lock go (its row is deleted, so another node takes it at its next ask) and waits a moment for it. */
        @Override
        protected void doStop() throws InterruptedException {
            initiator.stop();
            if (!released.await(renewPeriod.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                log.warn("Node {} could not let go of {} in time; another node takes it once it expires", getId(), getNamespace());
            }
            events.shutdown();
        }

        private void changed(boolean nowHeld) {
            held = nowHeld;
            try {
                events.execute(() -> fireLeadershipChangedEvent(held ? local : null));
            } catch (RejectedExecutionException | NullPointerException stopping) {
                // The view is stopping: nobody listens any more.
            }
        }

        /** Spring Integration's candidate for this name: told when the lock is granted and when it is lost. */
        private final class Holder implements Candidate {

            @Override
            public String getRole() {
                return getNamespace();
            }

            @Override
            public String getId() {
                return LockClusterService.this.getId();
            }

            @Override
            public void onGranted(Context context) {
                released = new CountDownLatch(1);
                log.info("Cluster: node {} now holds {}", getId(), getNamespace());
                changed(true);
                firstAnswer.countDown();
            }

            @Override
            public void onRevoked(Context context) {
                log.info("Cluster: node {} no longer holds {}", getId(), getNamespace());
                changed(false);
                released.countDown();
            }
        }

        /** Notes the first refusal, so that a new view's first question gets its answer (grants are noted above). */
        private final class FirstAnswer implements LeaderEventPublisher {

            @Override
            public void publishOnGranted(Object source, Context context, String role) {
            }

            @Override
            public void publishOnRevoked(Object source, Context context, String role) {
            }

            @Override
            public void publishOnFailedToAcquire(Object source, Context context, String role) {
                firstAnswer.countDown();
            }
        }

        private final class Member implements CamelClusterMember {

            @Override
            public boolean isLeader() {
                return held;
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return LockClusterService.this.getId();
            }
        }
    }
}
