package com.hmoexchange.hub.common;

/** The caller acted on a version of a record that has changed since they read it (answered 412). */
public class StaleVersion extends RuntimeException {

    public StaleVersion(String what, long expected, long actual) {
        super(what + " has changed since you loaded it (you sent version " + expected + ", it is now "
                + actual + "). Reload it, check the changes and try again.");
    }
}
