package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import org.springframework.stereotype.Component;

/**
 * Numbers for enrollees the HMO approves: a principal gets PREFIX/n/0 from a database sequence (unique
 * across hub nodes); a dependent takes the principal's stem with the next free suffix (ACM/10001/3).
 */
@Component
class EnrolleeNumbers {

    private final EnrolleeRepository enrollees;

    EnrolleeNumbers(EnrolleeRepository enrollees) {
        this.enrollees = enrollees;
    }

    String nextPrincipal(String prefix) {
        String number;
        do {
            number = prefix + "/" + enrollees.nextPrincipalSerial() + "/0";
        } while (enrollees.existsByEnrolleeNumber(number));
        return number;
    }

    String nextDependent(Enrollee principal) {
        String principalNumber = principal.getEnrolleeNumber();
        String stem = principalNumber.endsWith("/0") ? principalNumber.substring(0, principalNumber.length() - 2) : principalNumber;
        int suffix = enrollees.findByPrincipalIdOrderByEnrolleeNumber(principal.getId()).size() + 1;
        while (enrollees.existsByEnrolleeNumber(stem + "/" + suffix)) {
            suffix++;
        }
        return stem + "/" + suffix;
    }
}
