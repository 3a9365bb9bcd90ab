package com.hmoexchange.hub.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a payer answers is kept in a form PostgreSQL can store, whatever bytes the answer held. */
class OutboundAttemptTests {

    @Test
    void a_nul_character_in_the_payers_answer_is_replaced_so_the_outcome_can_be_stored() {
        OutboundAttempt attempt = new OutboundAttempt("http", "acme-hmo", "CLM-00000001", "REF-1", "CLM-00000001-1", 1,
                "POST https://acme.example/claims", Instant.now());

        attempt.end(Outcome.REFUSED, "ACME\u00001", "The payer refused the claim (HTTP 400): bad\u0000field", Instant.now());

        assertThat(attempt.payerReference()).isEqualTo("ACME\uFFFD1");
        assertThat(attempt.error()).isEqualTo("The payer refused the claim (HTTP 400): bad\uFFFDfield").doesNotContain("\u0000");
    }
}
