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
}
