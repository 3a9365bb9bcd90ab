package com.hmoexchange.hub.roster;

import java.util.List;

/**
 * What a roster file does (preview) or did (applied): counts, the changes member by member (the first
 * {@value Rosters#LISTED_CHANGES}; the counts are complete) and every refused row with where it is and why.
 */
public record RosterReport(String fileName, String format, boolean applied, Long rosterFileId, long added, long changed,
        long terminated, long unchanged, long refusedCount, List<Change> changes, List<Refused> refused) {

    public record Change(String at, String kind, String enrolleeNumber, String details) {
    }

    public record Refused(String at, String reason) {
    }
}
