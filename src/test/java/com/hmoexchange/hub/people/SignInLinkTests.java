package com.hmoexchange.hub.people;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.web.Display;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SignInLinkTests {

    private static final Display LAGOS = Display.in(ZoneId.of("Africa/Lagos"));
    private final Instant sent = Instant.parse("2026-11-20T09:00:00Z");
    private final SignInLink link = new SignInLink(1L, LinkPurpose.INVITATION, SignInTokens.digest("token"), sent, sent.plus(Duration.ofHours(48)));

    @Test
    void a_link_works_until_it_expires() {
        assertThatThrownBy(() -> link.use(sent.plus(Duration.ofHours(48)), LAGOS::when))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("expired on 22 Nov 2026, 10:00 WAT.");
    }

    @Test
    void a_link_works_once() {
        link.use(sent.plusSeconds(60), LAGOS::when);
        assertThatThrownBy(() -> link.use(sent.plusSeconds(120), LAGOS::when)).hasMessageContaining("already been used");
    }

    @Test
    void a_revoked_link_does_not_work() {
        link.revoke(sent.plusSeconds(10));
        assertThatThrownBy(() -> link.use(sent.plusSeconds(60), LAGOS::when)).hasMessageContaining("newer one");
    }

    @Test
    void only_a_digest_of_the_token_is_kept() {
        org.assertj.core.api.Assertions.assertThat(SignInTokens.digest("token")).hasSize(64).doesNotContain("token");
    }
}
