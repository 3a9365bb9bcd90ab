package com.hmoexchange.hub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.common.Texts;
import org.junit.jupiter.api.Test;

/** An email longer than the outgoing table holds is cut, and says so, rather than refused with the decision it reports. */
class MailCutTests {

    @Test
    void a_body_too_long_is_cut_to_what_the_table_holds_and_says_so() {
        String body = "- claim CLM-00000001 rejected: line 1: CO-197 ...\n".repeat(5000);

        String kept = Mailer.cutBody(body);

        assertThat(body.length()).isGreaterThan(Mailer.MAX_BODY);
        assertThat(kept).hasSize(Mailer.MAX_BODY).startsWith(body.substring(0, 1000)).endsWith("The hub shows it all.]\n");
        assertThat(Mailer.cutBody("short")).isEqualTo("short");
        assertThat(Texts.shortened("s".repeat(600), Mailer.MAX_SUBJECT)).hasSize(Mailer.MAX_SUBJECT).endsWith("...");
    }
}
