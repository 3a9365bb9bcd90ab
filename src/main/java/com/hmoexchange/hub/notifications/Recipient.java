package com.hmoexchange.hub.notifications;

import java.util.Objects;

/**
 * Whose notice it is: an audience and, except for the operators, its owner's id (the provider of a
 * practice, the payer of an HMO, the client). Everyone of that audience and owner sees it and reads it once.
 */
public record Recipient(Audience audience, Long ownerId) {

    public Recipient {
        Objects.requireNonNull(audience, "audience");
        if (audience.hasOwner() != (ownerId != null)) {
            throw new IllegalArgumentException(audience.hasOwner() ? "A notice for " + audience + " needs its owner's id"
                    : "A notice for the operators has no owner");
        }
    }

    public static Recipient practice(long providerId) {
        return new Recipient(Audience.PRACTICE, providerId);
    }

    public static Recipient hmo(long payerId) {
        return new Recipient(Audience.HMO, payerId);
    }

    public static Recipient client(long clientId) {
        return new Recipient(Audience.CLIENT, clientId);
    }

    public static Recipient operators() {
        return new Recipient(Audience.OPERATORS, null);
    }
}
