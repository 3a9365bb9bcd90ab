package com.hmoexchange.hub.enrollees;

import com.hmoexchange.hub.common.RuleViolation;
import java.time.LocalDate;
import java.util.Collection;

/**
 * How many dependents a principal may cover: at most {@code maxSpouses} spouses and
 * {@code maxChildren} children, each child younger than {@code childMaxAge}.
 */
public record DependentsPolicy(int maxSpouses, int maxChildren, int childMaxAge) {

    public DependentsPolicy {
        if (maxSpouses < 0 || maxChildren < 0 || childMaxAge < 1) {
            throw new IllegalArgumentException("A dependents policy needs non-negative limits and a child age of 1 or more");
        }
    }

    /**
     * Refuses a new dependent that would break the policy. {@code covered} are the relationships of the
     * dependents the principal already has (and, when asking, those already requested).
     */
    public void allow(Collection<Relationship> covered, Relationship relationship, LocalDate dateOfBirth, LocalDate today) {
        long same = covered.stream().filter(r -> r == relationship).count();
        if (relationship == Relationship.SPOUSE && same >= maxSpouses) {
            throw new RuleViolation("dependents-policy", "The plan covers at most " + maxSpouses
                    + " spouse(s) and this principal already has " + same + " (covered or requested).");
        }
        if (relationship == Relationship.CHILD) {
            if (same >= maxChildren) {
                throw new RuleViolation("dependents-policy", "The plan covers at most " + maxChildren
                        + " children and this principal already has " + same + " (covered or requested).");
            }
            if (!dateOfBirth.plusYears(childMaxAge).isAfter(today)) {
                throw new RuleViolation("dependents-policy", "The plan covers children under " + childMaxAge
                        + "; a child born on " + dateOfBirth + " is " + java.time.Period.between(dateOfBirth, today).getYears()
                        + " today.");
            }
        }
        if (dateOfBirth.isAfter(today)) {
            throw new RuleViolation("dependents-policy", "The date of birth " + dateOfBirth + " is in the future.");
        }
    }
}
