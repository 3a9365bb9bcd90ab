package com.hmoexchange.hub.payers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a payer receives claims. */
public enum Channel {
    HTTP, SFTP, EMAIL;

    /** As written in payer.yaml and in the message store. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(Channel::code).toList();
    }
}
