package com.hmoexchange.hub.roster;

/** What a roster row asks for (X12 834 INS03: 021 addition, 001 change, 024 termination, 030 audit). */
enum Maintenance {
    /** Add the member, or bring an existing one in line with the row: a file sent twice changes nothing. */
    ADD,
    /** Change a member the HMO already has. */
    CHANGE,
    /** End a member's cover on the row's last covered day. */
    TERMINATE
}
