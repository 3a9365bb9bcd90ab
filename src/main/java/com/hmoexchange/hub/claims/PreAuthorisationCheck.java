package com.hmoexchange.hub.claims;

import java.util.List;

/**
 * What a claim's pre-authorisation (PA) code allows, checked when it is submitted (the preauth module answers):
 * refusals stop the submit with the others of {@link Claim#submit}; warnings let it go and are kept in the
 * claim's history (the payer's payer.yaml says which of the two an approval overstepped is).
 */
public interface PreAuthorisationCheck {

    /** Each a sentence naming the lines concerned. */
    record Verdict(List<String> refusals, List<String> warnings) {

        public static final Verdict OK = new Verdict(List.of(), List.of());

        public Verdict {
            refusals = List.copyOf(refusals);
            warnings = List.copyOf(warnings);
        }
    }

    Verdict check(Claim claim);
}
