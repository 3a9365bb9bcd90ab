package com.hmoexchange.hub.roster;

import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.enrollees.DependentsPolicy;
import com.hmoexchange.hub.enrollees.EnrolleeStatus;
import com.hmoexchange.hub.enrollees.Relationship;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out what a roster file would change for one HMO, from the members it already has: principals
 * first, so that dependants can follow a principal added by the same file. A dependant takes their
 * principal's plan and must fit its dependants policy; a principal's termination ends their dependants'
 * cover too. Nothing here touches the database.
 */
final class RosterPlanner {

    record Plan(long id, String code, DependentsPolicy policy) {
    }

    /** What the HMO has: its members by number, plans by code, the hub's providers by code, and numbers other HMOs use. */
    record Known(Map<String, Member> members, Map<String, Plan> plans, Map<String, Long> providers, Set<String> takenElsewhere) {
    }

    private final Known known;
    private final LocalDate today;
    private final Map<Long, String> planCodes = new HashMap<>();
    private final Map<Long, String> providerCodes = new HashMap<>();
    private final Map<String, Member> after = new HashMap<>();
    /** Dependants as the file leaves them, by their principal's number (the file's share of {@link #after}). */
    private final Map<String, Map<String, Member>> plannedDependants = new HashMap<>();
    private final Map<String, String> refusedAt = new HashMap<>();
    private final Map<String, RosterPlan.Step> steps = new LinkedHashMap<>();
    private final List<RosterFile.Refusal> refusals = new ArrayList<>();
    private int unchanged;

    RosterPlanner(Known known, LocalDate today) {
        this.known = known;
        this.today = today;
        known.plans().values().forEach(p -> planCodes.put(p.id(), p.code()));
        known.providers().forEach((code, id) -> providerCodes.put(id, code));
    }

    Member.Names names() {
        return new Member.Names() {
            @Override
            public String plan(Long planId) {
                return planId == null ? null : planCodes.getOrDefault(planId, "#" + planId);
            }

            @Override
            public String provider(Long providerId) {
                return providerId == null ? null : providerCodes.getOrDefault(providerId, "#" + providerId);
            }
        };
    }

    RosterPlan plan(RosterFile file) {
        refusals.addAll(file.refusals());
        Map<String, String> firstAt = new HashMap<>();
        List<RosterRow> principals = new ArrayList<>();
        List<RosterRow> dependants = new ArrayList<>();
        for (RosterRow row : file.rows()) {
            String first = firstAt.putIfAbsent(row.enrolleeNumber(), row.at());
            if (first != null) {
                refuse(row, "enrolleeNumber " + row.enrolleeNumber() + " is also at " + first + "; state each member once");
            } else if (row.action() == Maintenance.TERMINATE || row.isPrincipal()) {
                principals.add(row);
            } else {
                dependants.add(row);
            }
        }
        principals.forEach(this::take);
        dependants.forEach(this::take);
        cascadeTerminations();
        refusals.sort((a, b) -> Long.compare(position(a.at()), position(b.at())));
        return new RosterPlan(file.format(), List.copyOf(steps.values()), unchanged, List.copyOf(refusals));
    }

    private void take(RosterRow row) {
        String problem = problem(row);
        if (problem != null) {
            refuse(row, problem);
        }
    }

    /** Plans the row, or says why it cannot be taken. */
    private String problem(RosterRow row) {
        Member existing = known.members().get(row.enrolleeNumber());
        if (existing == null && known.takenElsewhere().contains(row.enrolleeNumber())) {
            return "enrolleeNumber " + row.enrolleeNumber() + " belongs to another HMO's member; give this member one of your numbers";
        }
        if (row.action() == Maintenance.TERMINATE) {
            if (existing == null) {
                return row.enrolleeNumber() + " is not one of your members, so there is nothing to terminate";
            }
            if (existing.status() == EnrolleeStatus.TERMINATED && existing.coverEnd() != null
                    && !existing.coverEnd().isAfter(row.coverEnd())) {
                unchanged++;
                settle(existing);
                return null;
            }
            record(row.at(), RosterPlan.Kind.TERMINATED, existing, existing.terminated(row.coverEnd()));
            return null;
        }
        if (row.action() == Maintenance.CHANGE && existing == null) {
            return row.enrolleeNumber() + " is not one of your members; send them as an addition (INS03 021, or action ADD)";
        }
        Long providerId = null;
        if (row.primaryProvider() != null) {
            providerId = known.providers().get(row.primaryProvider());
            if (providerId == null) {
                return "primaryProvider '" + row.primaryProvider() + "' is not a practice on the hub; use its practice code";
            }
        }
        Long planId;
        if (row.isPrincipal()) {
            RosterPlanner.Plan plan = known.plans().get(row.plan());
            if (plan == null) {
                return "plan '" + row.plan() + "' is not one of your plans (" + String.join(", ", known.plans().keySet().stream()
                        .sorted().toList()) + "); create it under Plans first or correct the code";
            }
            planId = plan.id();
        } else {
            String refusedPrincipal = refusedAt.get(row.principalNumber());
            if (refusedPrincipal != null) {
                return "its principal " + row.principalNumber() + " (" + refusedPrincipal + ") is refused; fix that row first";
            }
            Member principal = after.getOrDefault(row.principalNumber(), known.members().get(row.principalNumber()));
            if (principal == null) {
                return "principalNumber " + row.principalNumber() + " is not one of your members and not in this file";
            }
            if (!principal.isPrincipal()) {
                return "principalNumber " + row.principalNumber() + " is a dependant; a dependant's principal is the subscriber";
            }
            if (principal.status() == EnrolleeStatus.TERMINATED) {
                return "principal " + row.principalNumber() + " is terminated; a dependant cannot be covered under them";
            }
            planId = principal.planId();
            if (row.plan() != null && !row.plan().equals(planCodes.get(planId))) {
                return "plan '" + row.plan() + "' differs from the principal's plan '" + planCodes.get(planId)
                        + "'; a dependant is covered on their principal's plan (leave plan empty)";
            }
        }
        if (existing != null && (existing.relationship() != row.relationship()
                || !java.util.Objects.equals(existing.principalNumber(), row.principalNumber()))) {
            return row.enrolleeNumber() + " is on file as " + existing.relationship()
                    + (existing.principalNumber() == null ? "" : " of " + existing.principalNumber())
                    + "; a member does not move to another relationship or principal: terminate them and add them under a new number";
        }
        Member wanted = new Member(existing == null ? null : existing.id(), row.enrolleeNumber(), row.principalNumber(),
                row.relationship(), row.firstName(), row.lastName(), row.dateOfBirth(),
                row.coverEnd() != null && row.coverEnd().isBefore(today) ? EnrolleeStatus.TERMINATED : EnrolleeStatus.ACTIVE,
                row.coverStart(), row.coverEnd(), providerId, planId);
        if (existing == null && !row.isPrincipal()) {
            String policyProblem = policyProblem(row, wanted);
            if (policyProblem != null) {
                return policyProblem;
            }
        }
        if (existing == null) {
            record(row.at(), RosterPlan.Kind.ADDED, null, wanted);
        } else if (wanted.differencesFrom(existing, names()).isEmpty()) {
            unchanged++;
            settle(existing);
        } else {
            record(row.at(), wanted.status() == EnrolleeStatus.TERMINATED && existing.status() != EnrolleeStatus.TERMINATED
                    ? RosterPlan.Kind.TERMINATED : RosterPlan.Kind.CHANGED, existing, wanted);
        }
        return null;
    }

    /** A new dependant must fit the plan's policy, counting the principal's dependants on file and those added before in the file. */
    private String policyProblem(RosterRow row, Member wanted) {
        Member principal = after.getOrDefault(row.principalNumber(), known.members().get(row.principalNumber()));
        List<Relationship> covered = new ArrayList<>();
        dependantsOf(principal.number()).forEach(d -> covered.add(d.relationship()));
        Plan plan = known.plans().values().stream().filter(p -> p.id() == principal.planId()).findFirst().orElse(null);
        if (plan == null) {
            return null;
        }
        try {
            plan.policy().allow(covered, row.relationship(), row.dateOfBirth(), today);
            return null;
        } catch (RuleViolation e) {
            return e.getMessage() + " (plan " + plan.code() + ", principal " + principal.number() + ")";
        }
    }

    /** The principal's active dependants as the file would leave them. */
    private List<Member> dependantsOf(String principalNumber) {
        Map<String, Member> found = new HashMap<>();
        dependantIndex().getOrDefault(principalNumber, List.of()).forEach(m -> found.put(m.number(), m));
        plannedDependants.getOrDefault(principalNumber, Map.of()).forEach(found::put);
        return found.values().stream().filter(m -> m.status() == EnrolleeStatus.ACTIVE).toList();
    }

    private Map<String, List<Member>> dependantIndex;

    private Map<String, List<Member>> dependantIndex() {
        if (dependantIndex == null) {
            dependantIndex = new HashMap<>();
            known.members().values().stream().filter(m -> m.principalNumber() != null)
                    .forEach(m -> dependantIndex.computeIfAbsent(m.principalNumber(), k -> new ArrayList<>()).add(m));
        }
        return dependantIndex;
    }

    /** A principal whose cover ends takes their dependants' cover with them, unless the file says otherwise for one. */
    private void cascadeTerminations() {
        Set<String> stated = new HashSet<>(after.keySet());
        stated.addAll(refusedAt.keySet());
        for (RosterPlan.Step step : List.copyOf(steps.values())) {
            Member principal = step.after();
            if (!principal.isPrincipal() || principal.status() != EnrolleeStatus.TERMINATED) {
                continue;
            }
            for (Member dependant : dependantIndex().getOrDefault(principal.number(), List.of())) {
                if (!stated.contains(dependant.number()) && dependant.status() != EnrolleeStatus.TERMINATED) {
                    record(step.at(), RosterPlan.Kind.TERMINATED, dependant, dependant.terminated(principal.coverEnd()));
                }
            }
        }
    }

    private void record(String at, RosterPlan.Kind kind, Member before, Member wanted) {
        String details = before == null ? wanted.describe(names()) : wanted.differencesFrom(before, names());
        steps.put(wanted.number(), new RosterPlan.Step(at, kind, before, wanted, details));
        settle(wanted);
    }

    /** The member as the file leaves them. */
    private void settle(Member member) {
        after.put(member.number(), member);
        if (member.principalNumber() != null) {
            plannedDependants.computeIfAbsent(member.principalNumber(), k -> new HashMap<>()).put(member.number(), member);
        }
    }

    private void refuse(RosterRow row, String reason) {
        refusals.add(new RosterFile.Refusal(row.at(), reason));
        refusedAt.putIfAbsent(row.enrolleeNumber(), row.at());
    }

    private static long position(String at) {
        String digits = at.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
