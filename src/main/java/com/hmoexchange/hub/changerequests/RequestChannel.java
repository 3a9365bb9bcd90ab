package com.hmoexchange.hub.changerequests;

/** How a request reached the hub: the portal API, a CSV file by SFTP, or a CSV attached to an email. */
public enum RequestChannel {
    PORTAL, SFTP, EMAIL
}
