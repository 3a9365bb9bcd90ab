package com.hmoexchange.hub.people;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hmoexchange.hub.common.InvalidInput;
import org.junit.jupiter.api.Test;

class PasswordRulesTests {

    private final PasswordRules rules = new PasswordRules();

    @Test
    void a_long_uncommon_password_without_the_user_name_is_taken() {
        assertThatCode(() -> rules.check("ada@clinic.example", "violet-harbour-lantern-42")).doesNotThrowAnyException();
    }

    @Test
    void a_short_or_overlong_password_is_refused_with_the_lengths() {
        assertThatThrownBy(() -> rules.check("ada", "short-1")).isInstanceOf(InvalidInput.class)
                .hasMessage("Choose a password of 10 to 200 characters.");
        assertThatThrownBy(() -> rules.check("ada", "x".repeat(201))).hasMessageContaining("10 to 200");
    }

    @Test
    void a_password_holding_the_user_name_or_the_address_before_the_at_is_refused() {
        assertThatThrownBy(() -> rules.check("lekki.owner", "Lekki.Owner-2026")).hasMessageContaining("user name");
        assertThatThrownBy(() -> rules.check("adaeze@clinic.example", "adaeze-is-great")).hasMessageContaining("user name");
    }

    @Test
    void a_password_from_the_breached_list_is_refused_whatever_its_case() {
        assertThatThrownBy(() -> rules.check("ada", "Password123")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("most common").extracting(e -> ((InvalidInput) e).field()).isEqualTo("password");
        assertThatThrownBy(() -> rules.check("ada", "1234567890")).hasMessageContaining("most common");
        assertThatThrownBy(() -> rules.check("ada", "qwertyuiop")).hasMessageContaining("most common");
    }
}
