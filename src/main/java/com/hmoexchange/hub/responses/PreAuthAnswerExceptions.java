package com.hmoexchange.hub.responses;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a payer's pre-authorisation answer that the hub cannot place (it names no request, or one the payer does not
 * own) on the exceptions list, so a person sees it instead of it being dropped. Kept in its own transaction: the
 * answer's own work is refused and rolled back, the exception stays.
 */
@Service
public class PreAuthAnswerExceptions {

    private final PayerExceptionRepository exceptions;
    private final Clock clock;

    PreAuthAnswerExceptions(PayerExceptionRepository exceptions, Clock clock) {
        this.exceptions = exceptions;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long record(String payerCode, String detail, String answer) {
        return exceptions.save(new PayerException(payerCode, "preauth-unmatched", PayerException.ItemType.PREAUTH_ANSWER, null,
                null, null, detail, answer, null, clock.instant())).getId();
    }
}
