package com.hmoexchange.hub.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hmoexchange.hub.common.InvalidInput;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ContractTests {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate JUN_30 = LocalDate.of(2026, 6, 30);

    @Test
    void a_contract_runs_from_its_first_to_its_last_day_inclusive() {
        Contract contract = new Contract(1, 2, JAN_1, JUN_30, Instant.now(), "admin");

        assertThat(contract.runsOn(JAN_1.minusDays(1))).isFalse();
        assertThat(contract.runsOn(JAN_1)).isTrue();
        assertThat(contract.runsOn(JUN_30)).isTrue();
        assertThat(contract.runsOn(JUN_30.plusDays(1))).isFalse();
    }

    @Test
    void an_open_ended_contract_runs_on_every_day_from_its_start() {
        Contract contract = new Contract(1, 2, JAN_1, null, Instant.now(), "admin");

        assertThat(contract.runsOn(LocalDate.of(2099, 1, 1))).isTrue();
        assertThat(contract.overlaps(LocalDate.of(2030, 1, 1), null)).isTrue();
    }

    @Test
    void periods_that_share_a_day_overlap_and_back_to_back_ones_do_not() {
        Contract contract = new Contract(1, 2, JAN_1, JUN_30, Instant.now(), "admin");

        assertThat(contract.overlaps(JUN_30, null)).isTrue();
        assertThat(contract.overlaps(JUN_30.plusDays(1), null)).isFalse();
        assertThat(contract.overlaps(LocalDate.of(2025, 1, 1), JAN_1.minusDays(1))).isFalse();
        assertThat(contract.overlaps(LocalDate.of(2025, 1, 1), JAN_1)).isTrue();
    }

    @Test
    void a_last_day_before_the_first_is_refused_naming_the_field() {
        assertThatThrownBy(() -> new Contract(1, 2, JUN_30, JAN_1, Instant.now(), "admin"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("before the first day")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("endsOn");
        Contract contract = new Contract(1, 2, JUN_30, null, Instant.now(), "admin");
        assertThatThrownBy(() -> contract.endAfter(JAN_1)).isInstanceOf(InvalidInput.class);
        assertThat(contract.getEndsOn()).isNull();
    }
}
