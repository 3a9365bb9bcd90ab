package com.hmoexchange.hub.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.claims.Adjudication.Applied;
import com.hmoexchange.hub.claims.Adjudication.BilledLine;
import com.hmoexchange.hub.claims.Adjudication.ClaimState;
import com.hmoexchange.hub.claims.Adjudication.Late;
import com.hmoexchange.hub.claims.Adjudication.OfLine;
import com.hmoexchange.hub.claims.Adjudication.Refused;
import com.hmoexchange.hub.claims.Adjudication.Unchanged;
import com.hmoexchange.hub.claims.Adjudication.OfClaim;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules for a payer's adjudication, without Spring: forward only, decisions final, the decision follows from the lines. */
class AdjudicationTests {

    static final List<BilledLine> LINES = List.of(new BilledLine(1, 1, money("5000")), new BilledLine(2, 2, money("4000")));

    static ClaimState claim(ClaimStatus status, String approved) {
        return new ClaimState("CLM-1", status, approved == null ? null : money(approved), LINES);
    }

    static OfClaim says(ClaimStatus status, OfLine... lines) {
        return new OfClaim(status, null, List.of(lines), null);
    }

    @Test
    void a_payer_may_skip_steps_forward() {
        Applied applied = (Applied) Adjudication.decide(claim(ClaimStatus.SUBMITTED, null), says(ClaimStatus.APPROVED));
        assertThat(applied.to()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(applied.approvedAmount()).isEqualByComparingTo("9000");
    }

    @Test
    void reopening_a_decision_is_refused_and_the_same_news_again_changes_nothing() {
        assertThat(Adjudication.decide(claim(ClaimStatus.APPROVED, "9000"), says(ClaimStatus.IN_REVIEW)))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.code()).isEqualTo("claim-decided"));
        assertThat(Adjudication.decide(claim(ClaimStatus.IN_REVIEW, null), says(ClaimStatus.IN_REVIEW))).isInstanceOf(Unchanged.class);
        assertThat(Adjudication.decide(claim(ClaimStatus.APPROVED, "9000"), says(ClaimStatus.APPROVED))).isInstanceOf(Unchanged.class);
    }

    @Test
    void the_receipt_read_after_the_review_or_the_decision_is_late_news_not_a_move_back() {
        OfClaim receipt = new OfClaim(ClaimStatus.RECEIVED, null, List.of(), "accepted (999, set 0001)");

        assertThat(Adjudication.decide(claim(ClaimStatus.IN_REVIEW, null), receipt))
                .isEqualTo(new Late(ClaimStatus.IN_REVIEW, ClaimStatus.RECEIVED, "accepted (999, set 0001)"));
        assertThat(Adjudication.decide(claim(ClaimStatus.APPROVED, "9000"), receipt))
                .isEqualTo(new Late(ClaimStatus.APPROVED, ClaimStatus.RECEIVED, "accepted (999, set 0001)"));
    }

    @Test
    void a_decision_is_final() {
        assertThat(Adjudication.decide(claim(ClaimStatus.REJECTED, "0"), says(ClaimStatus.APPROVED)))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.code()).isEqualTo("claim-decided"));
    }

    @Test
    void partial_follows_from_the_lines_whatever_word_the_payer_used() {
        Applied applied = (Applied) Adjudication.decide(claim(ClaimStatus.RECEIVED, null),
                says(ClaimStatus.APPROVED, new OfLine(2, 1, money("2000"), "T1: one unit only")));
        assertThat(applied.to()).isEqualTo(ClaimStatus.PARTIAL);
        assertThat(applied.approvedAmount()).isEqualByComparingTo("7000");
        assertThat(applied.reasons()).isEqualTo("line 2: T1: one unit only");
    }

    @Test
    void nothing_approved_on_every_line_is_a_rejection_and_a_rejection_zeroes_every_line() {
        Applied applied = (Applied) Adjudication.decide(claim(ClaimStatus.SUBMITTED, null),
                says(null, new OfLine(1, 0, money("0"), null), new OfLine(2, 0, money("0"), "NC")));
        assertThat(applied.to()).isEqualTo(ClaimStatus.REJECTED);
        Applied rejected = (Applied) Adjudication.decide(claim(ClaimStatus.SUBMITTED, null),
                new OfClaim(ClaimStatus.REJECTED, null, List.of(), "R07: no referral"));
        assertThat(rejected.lines()).extracting(OfLine::approvedAmount).allSatisfy(a -> assertThat(a).isZero());
        assertThat(rejected.reasons()).isEqualTo("R07: no referral");
    }

    @Test
    void partial_without_amounts_and_unknown_lines_are_refused() {
        assertThat(Adjudication.decide(claim(ClaimStatus.SUBMITTED, null), says(ClaimStatus.PARTIAL)))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.code()).isEqualTo("amounts-missing"));
        assertThat(Adjudication.decide(claim(ClaimStatus.SUBMITTED, null),
                says(ClaimStatus.PARTIAL, new OfLine(7, 1, money("1"), null))))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.code()).isEqualTo("unknown-line"));
    }

    @Test
    void a_draft_cannot_be_answered() {
        assertThat(Adjudication.decide(claim(ClaimStatus.DRAFT, null), says(ClaimStatus.RECEIVED))).isInstanceOf(Refused.class);
    }

    @Test
    void a_payer_cannot_make_a_claim_submitted_again() {
        assertThat(Adjudication.decide(claim(ClaimStatus.RECEIVED, null), says(ClaimStatus.SUBMITTED)))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.code()).isEqualTo("status-not-settable"));
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2);
    }
}
