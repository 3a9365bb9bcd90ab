package com.hmoexchange.hub.roster;

import java.util.List;

/**
 * What applying a roster file would do: each member added, changed or terminated (with what changes, in
 * words) and each row refused with its reason. Members the file states as they already are change nothing.
 */
record RosterPlan(RosterFile.Format format, List<Step> steps, int unchanged, List<RosterFile.Refusal> refusals) {

    enum Kind {
        ADDED, CHANGED, TERMINATED
    }

    /** One member's change; {@code at} is where the file asked for it (a cascade names the principal's row). */
    record Step(String at, Kind kind, Member before, Member after, String details) {
    }

    long count(Kind kind) {
        return steps.stream().filter(s -> s.kind() == kind).count();
    }

    boolean refused() {
        return !refusals.isEmpty();
    }
}
