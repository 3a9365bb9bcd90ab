package com.hmoexchange.hub.mailintake;

import java.time.Instant;

/** An operator rejected a held mail: nothing of it was applied (for the audit log). */
public record HeldMailRejected(long heldMailId, Intake intake, String owner, String by, Instant at, String reason) {
}
