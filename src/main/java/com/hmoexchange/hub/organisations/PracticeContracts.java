package com.hmoexchange.hub.organisations;

import java.time.LocalDate;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One practice's contracts, read once: for checks over many claims or members without a query each.
 * Obtained from {@link Contracts#of(long)}.
 */
public final class PracticeContracts {

    private final String practiceName;
    private final List<Contract> contracts;
    private final LongFunction<String> payerNames;

    PracticeContracts(String practiceName, List<Contract> contracts, LongFunction<String> payerNames) {
        this.practiceName = practiceName;
        this.contracts = List.copyOf(contracts);
        this.payerNames = payerNames;
    }

    public boolean cover(long payerId, LocalDate day) {
        return contracts.stream().anyMatch(c -> c.getPayerId() == payerId && c.runsOn(day));
    }

    /** Refused with {@link NoCurrentContract} when no contract with the payer runs on the day. */
    public void require(long payerId, LocalDate day) {
        if (!cover(payerId, day)) {
            throw new NoCurrentContract(practiceName, payerNames.apply(payerId), day);
        }
    }
}
