package com.hmoexchange.hub.roster;

import com.hmoexchange.hub.common.RuleViolation;
import java.util.Map;

/** A roster that cannot be applied as it stands: nothing of it was applied; the report lists every row to fix. */
public class RosterRefused extends RuleViolation {

    private final transient RosterReport report;

    RosterRefused(RosterReport report) {
        super("roster-refused", report.refusedCount() + " row(s) of " + report.fileName()
                + " cannot be taken (listed under 'refused' with where and why); fix them and send the whole file again. "
                + "Nothing was applied.");
        this.report = report;
    }

    public RosterReport report() {
        return report;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("refused", report.refused());
    }
}
