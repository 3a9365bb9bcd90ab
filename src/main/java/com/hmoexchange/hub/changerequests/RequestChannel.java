package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.common.Labelled;

/** How a request reached the hub: the portal API, a CSV file by SFTP, or a CSV attached to an email. */
public enum RequestChannel implements Labelled {
    PORTAL("in the portal"),
    SFTP("by SFTP file"),
    EMAIL("by email");

    private final String label;

    RequestChannel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
