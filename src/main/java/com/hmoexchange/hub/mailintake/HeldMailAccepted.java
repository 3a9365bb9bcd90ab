package com.hmoexchange.hub.mailintake;

import java.time.Instant;

/** An operator accepted a held mail and it was applied (for the audit log). */
public record HeldMailAccepted(long heldMailId, Intake intake, String owner, String by, Instant at, String outcome) {
}
