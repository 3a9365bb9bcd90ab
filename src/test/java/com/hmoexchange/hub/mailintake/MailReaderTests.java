package com.hmoexchange.hub.mailintake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hmoexchange.hub.support.TestMail;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A mail's parts read within the limits, and refused past them before anything is applied. */
class MailReaderTests {

    private static MailReader reader(long attachment, long mail) {
        return new MailReader(new MailIntakeSettings("mx.hub.test", MailIntakeSettings.Authentication.REQUIRED,
                DataSize.ofBytes(attachment), DataSize.ofBytes(mail)));
    }

    /** The mail as it comes back from a mailbox: parsed from its bytes. */
    private static MimeMessage received(String content) throws Exception {
        MimeMessage sent = TestMail.authenticated(TestMail.mail("answers@payer.test", "answers@hub.test", "Our file", "answers.csv",
                "text/csv", content));
        sent.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sent.writeTo(out);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void a_mail_within_the_limits_gives_its_sender_and_attachments() throws Exception {
        ReceivedMail mail = reader(1_000, 100_000).read(received("claim,status\nCLM-1,APPROVED\n"));

        assertThat(mail.sender()).isEqualTo("answers@payer.test");
        assertThat(mail.subject()).isEqualTo("Our file");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("answers.csv");
            assertThat(new String(a.content())).isEqualTo("claim,status\nCLM-1,APPROVED\n");
        });
        assertThat(mail.text()).isEmpty();
    }

    @Test
    void an_attachment_or_a_mail_over_its_limit_is_refused_with_the_limit_named() throws Exception {
        MimeMessage large = received("x".repeat(5_000));

        assertThatThrownBy(() -> reader(1_000, 100_000).read(large)).isInstanceOf(MailReader.OverLimit.class)
                .hasMessageContaining("Attachment answers.csv is larger than the hub takes")
                .hasMessageContaining("at most 1000 bytes per attachment, hub.mail.intake.max-attachment-size");
        assertThatThrownBy(() -> reader(1_000_000, 2_000).read(large)).isInstanceOf(MailReader.OverLimit.class)
                .hasMessageContaining("at most 2000 bytes per mail, hub.mail.intake.max-mail-size");
        assertThatThrownBy(() -> reader(1_000_000, 2_000).raw(large)).isInstanceOf(MailReader.OverLimit.class);
        assertThat(new String(reader(1_000_000, 100_000).raw(large))).contains("Authentication-Results: mx.hub.test;");
    }
}
