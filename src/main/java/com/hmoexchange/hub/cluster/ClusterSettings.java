package com.hmoexchange.hub.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hub nodes share the work that one node does at a time ({@code hub.cluster}).
 *
 * @param nodeId this node's name in the locks it holds (HUB_NODE_ID); blank: host name and process id, which differ
 *        between nodes. Two nodes given the same id would both think they hold every lock.
 * @param lockTimeToLive a lock its holder has not renewed for this long is taken over by another node
 *        (HUB_CLUSTER_LOCK_TTL): how long a dead node's pollers and timers stay idle before another node takes them
 * @param renewPeriod how often a holder renews each lock and a waiting node asks for it (HUB_CLUSTER_RENEW_PERIOD);
 *        at most a third of the time to live, so a holder renews several times before its lock could expire
 */
@ConfigurationProperties("hub.cluster")
public record ClusterSettings(String nodeId, Duration lockTimeToLive, Duration renewPeriod) {

    static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(15);
    static final Duration DEFAULT_RENEW_PERIOD = Duration.ofSeconds(3);
    static final int NODE_ID_MAX = 255;

    public ClusterSettings {
        nodeId = nodeId == null || nodeId.isBlank() ? hostAndPid() : nodeId.strip();
        lockTimeToLive = lockTimeToLive == null ? DEFAULT_TIME_TO_LIVE : lockTimeToLive;
        renewPeriod = renewPeriod == null ? DEFAULT_RENEW_PERIOD : renewPeriod;
        if (nodeId.length() > NODE_ID_MAX) {
            throw new IllegalArgumentException("hub.cluster.node-id is longer than " + NODE_ID_MAX + " characters: " + nodeId);
        }
        if (renewPeriod.toMillis() < 100) {
            throw new IllegalArgumentException("hub.cluster.renew-period (" + renewPeriod + ") must be at least 100ms");
        }
        if (renewPeriod.multipliedBy(3).compareTo(lockTimeToLive) > 0) {
            throw new IllegalArgumentException("hub.cluster.renew-period (" + renewPeriod + ") must be at most a third of "
                    + "hub.cluster.lock-time-to-live (" + lockTimeToLive + "), so that a node renews its locks several times "
                    + "before they could expire");
        }
    }

    /** The longest a source or duty of a node that died waits for another node: the time to live, then one ask. */
    public Duration longestTakeover() {
        return lockTimeToLive.plus(renewPeriod);
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "hub");
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
