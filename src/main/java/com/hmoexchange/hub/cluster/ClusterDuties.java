package com.hmoexchange.hub.cluster;

/**
 * Work that must run on one hub node at a time however many nodes run (timers such as retention, stale checks,
 * repairs and clocks). A duty is named; the node that holds it now runs the work, the others skip it.
 */
public interface ClusterDuties {

    /** Runs {@code work} if this node holds the duty named {@code duty} now; returns whether it ran. */
    boolean runIfHeld(String duty, Runnable work);
}
