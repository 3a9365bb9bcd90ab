package com.hmoexchange.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** A form whose save loses a race, or clashes with stored data, is shown again with the reason, not a 500 page. */
class FormErrorsTests {

    @Test
    void a_change_made_meanwhile_by_someone_else_is_a_page_error() {
        FormErrors errors = FormErrors.none();

        Object saved = errors.attempt(() -> {
            throw new ObjectOptimisticLockingFailureException("Claim", 7L);
        });

        assertThat(saved).isNull();
        assertThat(errors.getPage()).contains("Someone else changed this");
    }

    @Test
    void a_clash_with_stored_data_is_a_page_error() {
        FormErrors errors = FormErrors.none();

        errors.attempt(() -> {
            throw new DataIntegrityViolationException("duplicate key value violates unique constraint");
        });

        assertThat(errors.getPage()).contains("conflicts with data already recorded").doesNotContain("duplicate key");
    }

    @Test
    void a_value_too_long_or_a_number_too_large_says_so_rather_than_conflict() {
        FormErrors tooLong = FormErrors.none();
        tooLong.attempt(() -> {
            throw new DataIntegrityViolationException("could not execute statement",
                    new org.postgresql.util.PSQLException("value too long", org.postgresql.util.PSQLState.STRING_DATA_RIGHT_TRUNCATION));
        });
        FormErrors tooLarge = FormErrors.none();
        tooLarge.attempt(() -> {
            throw new DataIntegrityViolationException("could not execute statement",
                    new org.postgresql.util.PSQLException("numeric field overflow", org.postgresql.util.PSQLState.NUMERIC_VALUE_OUT_OF_RANGE));
        });

        assertThat(tooLong.getPage()).contains("longer than the hub keeps");
        assertThat(tooLarge.getPage()).contains("larger than the hub keeps");
    }
}
