package com.hmoexchange.hub.changerequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.enrollees.DependentsPolicy;
import com.hmoexchange.hub.enrollees.EnrolleeStatus;
import com.hmoexchange.hub.enrollees.Relationship;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeRequestLifecycleTests {

    private final Instant now = Instant.parse("2026-11-20T09:00:00Z");

    private ChangeRequest pending() {
        return new ChangeRequest(1, 1, ChangeKind.REMOVE_DEPENDENT, 7L, "ACM/1/1", 0L, null,
                new ChangeValues("ACM/1/1", null, null, null, null, null, null, null, null, EnrolleeStatus.TERMINATED, null),
                "hr@client.example", RequestChannel.PORTAL, now);
    }

    @Test
    void a_pending_request_is_approved_declined_or_withdrawn_once() {
        ChangeRequest approved = pending();
        approved.approve("hmo.admin", now, 7, "ACM/1/1");
        assertThat(approved.getStatus()).isEqualTo(ChangeStatus.APPROVED);
        assertThatThrownBy(() -> approved.decline("hmo.admin", now, "late")).hasMessage("This request is already approved (by hmo.admin); only a pending request can be declined.");

        ChangeRequest withdrawn = pending();
        withdrawn.withdraw("hr@client.example", now);
        assertThatThrownBy(() -> withdrawn.approve("hmo.admin", now, 7, "ACM/1/1")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void a_decline_needs_a_reason() {
        ChangeRequest request = pending();
        assertThatThrownBy(() -> request.decline("hmo.admin", now, " ")).hasMessageContaining("Say why");
        request.decline("hmo.admin", now, "No certificate");
        assertThat(request.getDecisionReason()).isEqualTo("No certificate");
    }

    @Test
    void the_default_policy_allows_one_spouse_and_four_children_under_18() {
        DependentsPolicy policy = new DependentsPolicy(1, 4, 18);
        LocalDate today = LocalDate.of(2026, 11, 20);
        policy.allow(List.of(), Relationship.SPOUSE, LocalDate.of(1990, 1, 1), today);
        assertThatThrownBy(() -> policy.allow(List.of(Relationship.SPOUSE), Relationship.SPOUSE, LocalDate.of(1990, 1, 1), today))
                .hasMessageContaining("at most 1 spouse");
        List<Relationship> four = List.of(Relationship.CHILD, Relationship.CHILD, Relationship.CHILD, Relationship.CHILD);
        assertThatThrownBy(() -> policy.allow(four, Relationship.CHILD, LocalDate.of(2020, 1, 1), today))
                .hasMessageContaining("at most 4 children");
        policy.allow(List.of(), Relationship.CHILD, LocalDate.of(2008, 11, 21), today);
        assertThatThrownBy(() -> policy.allow(List.of(), Relationship.CHILD, LocalDate.of(2008, 11, 20), today))
                .hasMessageContaining("under 18");
    }
}
