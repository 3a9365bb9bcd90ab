package com.hmoexchange.hub.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the source (the hub's roster or the payer) said about a member's cover on a day. Kept with the check as JSON,
 * so it can be reused while fresh and shown, with its age, when the payer cannot be reached.
 *
 * @param reason why, in words (cover ended on …, not on the payer's roster…); null when covered without remark
 * @param plan the plan's name, where known
 * @param benefits the plan's benefits and limits with what is used and left, where the payer says
 * @param notes the payer's other terms in words (co-payments, services needing its authorisation…); answers stored
 *        before there were notes read as none
 */
record CoverAnswer(boolean covered, String reason, String plan, LocalDate coverStart, LocalDate coverEnd,
        List<Benefit> benefits, List<String> notes) {

    CoverAnswer {
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A benefit or limit of the plan: the allowed amount, and what is used and left of it (null where not said). */
    record Benefit(String name, BigDecimal allowed, BigDecimal used, BigDecimal remaining, String currency) {
    }
}
