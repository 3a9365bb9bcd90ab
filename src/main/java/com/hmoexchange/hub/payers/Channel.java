package com.hmoexchange.hub.payers;

/** How a payer receives claims. */
public enum Channel {
    HTTP, SFTP, EMAIL
}
