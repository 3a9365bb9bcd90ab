package com.hmoexchange.hub.organisations;

import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.web.Display;
import java.time.LocalDate;
import java.util.Map;

/** A practice tried to look up or bill a payer's member without a contract with that payer on the day. */
public class NoCurrentContract extends RuleViolation {

    private final String practice;
    private final String payer;
    private final LocalDate day;

    NoCurrentContract(String practice, String payer, LocalDate day) {
        super("no-current-contract", "There is no current contract between " + practice + " and " + payer + " on "
                + Display.dayOf(day)
                + ", so the practice cannot look up or bill its members. Ask the platform administrator to record the contract.");
        this.practice = practice;
        this.payer = payer;
        this.day = day;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("practice", practice, "payer", payer, "day", day.toString());
    }
}
