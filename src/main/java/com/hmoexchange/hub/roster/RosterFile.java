package com.hmoexchange.hub.roster;

import java.util.List;

/**
 * A roster file as read: its members, and the rows that could not be read with the reason. A file that
 * cannot be read at all has no rows and one refusal saying why.
 */
record RosterFile(Format format, List<RosterRow> rows, List<Refusal> refusals) {

    enum Format {
        CSV, X12_834
    }

    /** A row (or the whole file) refused: where ("line 7", "segment 23") and what to fix. */
    record Refusal(String at, String reason) {
    }

    static RosterFile unreadable(Format format, String at, String reason) {
        return new RosterFile(format, List.of(), List.of(new Refusal(at, reason)));
    }
}
