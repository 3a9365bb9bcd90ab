package com.hmoexchange.hub.changerequests;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.enrollees.EnrolleeStatus;
import com.hmoexchange.hub.enrollees.Relationship;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RequestRowsTests {

    @Test
    void a_field_the_change_leaves_alone_shows_the_same_after_and_only_changes_are_marked() {
        ChangeValues before = new ChangeValues("ACM/1/1", "ACM/1/0", Relationship.SPOUSE, "Bisi", "Bakare",
                LocalDate.of(1987, 5, 2), null, null, null, EnrolleeStatus.ACTIVE, null);
        ChangeValues after = new ChangeValues("ACM/1/1", null, null, null, null, null, null, null, null,
                EnrolleeStatus.TERMINATED, "Left the scheme");

        var rows = RequestRows.of(before, after, UnaryOperator.identity(), UnaryOperator.identity());

        assertThat(rows).extracting(RequestRows.Row::label).containsExactly("Enrollee number", "Principal",
                "Relationship", "First name", "Last name", "Date of birth", "Status", "Note");
        assertThat(rows).filteredOn(RequestRows.Row::changed).extracting(RequestRows.Row::label)
                .containsExactly("Status", "Note");
        assertThat(rows.get(3).after()).isEqualTo("Bisi");
        // In words: the relationship, the day and the status as a person reads them.
        assertThat(rows.get(2).before()).isEqualTo("Spouse");
        assertThat(rows.get(5).before()).isEqualTo("2 May 1987");
        assertThat(rows.get(6).after()).isEqualTo("Terminated");
    }

    @Test
    void a_practice_and_a_plan_are_shown_by_name() {
        ChangeValues after = new ChangeValues(null, "ACM/1/0", Relationship.CHILD, "Obi", "Bakare",
                LocalDate.of(2025, 3, 14), "lagoon-clinic", "acme-standard", null, EnrolleeStatus.ACTIVE, null);

        var rows = RequestRows.of(null, after, code -> "Lagoon Clinic", code -> "Acme Standard");

        assertThat(rows).filteredOn(row -> row.label().equals("Primary provider")).singleElement()
                .extracting(RequestRows.Row::after).isEqualTo("Lagoon Clinic");
        assertThat(rows).filteredOn(row -> row.label().equals("Plan")).singleElement()
                .extracting(RequestRows.Row::after).isEqualTo("Acme Standard");
    }

    @Test
    void a_new_dependent_has_nothing_before() {
        ChangeValues after = new ChangeValues(null, "ACM/1/0", Relationship.CHILD, "Obi", "Bakare",
                LocalDate.of(2025, 3, 14), null, null, null, EnrolleeStatus.ACTIVE, null);

        var rows = RequestRows.of(null, after, UnaryOperator.identity(), UnaryOperator.identity());

        assertThat(rows).allSatisfy(row -> assertThat(row.before()).isEmpty()).allMatch(RequestRows.Row::changed);
    }
}
