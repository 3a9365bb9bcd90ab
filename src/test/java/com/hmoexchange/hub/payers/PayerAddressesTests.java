package com.hmoexchange.hub.payers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.core.env.StandardEnvironment;

/** One rule for every SFTP address, claims out and answers in: the server's host key must be known unless the payer says otherwise. */
class PayerAddressesTests {

    @TempDir
    Path mappings;

    final PayerAddresses addresses = new PayerAddresses(new MailProperties());

    @Test
    void claims_out_and_answers_in_both_insist_on_a_known_host_key() throws IOException {
        PayerSettings payer = payer("  knownHostsFile: /etc/hub/known_hosts\n");

        assertThat(addresses.claimsOut(payer)).startsWith("sftp://hub@sftp.zen.example:2222/claims?")
                .contains("strictHostKeyChecking=yes&knownHostsFile=%2Fetc%2Fhub%2Fknown_hosts", "password=RAW(s3cret)");
        assertThat(addresses.sftpAnswers(payer, 2000, "locks")).startsWith("sftp://hub@sftp.zen.example:2222/outbound?")
                .contains("strictHostKeyChecking=yes&knownHostsFile=%2Fetc%2Fhub%2Fknown_hosts", "idempotentRepository=#locks");
        assertThat(addresses.sftpAnswerReports(payer)).contains("strictHostKeyChecking=yes");
        assertThat(addresses.describeClaimsOut(payer)).isEqualTo("sftp://hub@sftp.zen.example:2222/claims").doesNotContain("s3cret");
    }

    @Test
    void without_a_known_hosts_file_neither_direction_gets_an_address() throws IOException {
        PayerSettings payer = payer("");

        assertThatThrownBy(() -> addresses.claimsOut(payer)).hasMessageContaining("zen-hmo needs sftp.knownHostsFile");
        assertThatThrownBy(() -> addresses.sftpAnswers(payer, 2000, "locks")).hasMessageContaining("zen-hmo needs sftp.knownHostsFile");
    }

    @Test
    void a_payer_may_switch_host_key_checking_off_for_both_directions() throws IOException {
        PayerSettings payer = payer("  strictHostKeyChecking: false\n");

        assertThat(addresses.claimsOut(payer)).contains("strictHostKeyChecking=no").doesNotContain("knownHostsFile");
        assertThat(addresses.sftpAnswers(payer, 2000, "locks")).contains("strictHostKeyChecking=no").doesNotContain("knownHostsFile");
    }

    @Test
    void answers_are_taken_by_the_payers_file_time_then_by_name() throws IOException {
        assertThat(addresses.sftpAnswers(payer("  knownHostsFile: /k\n"), 2000, "locks"))
                .contains("sortBy=file:modified;file:name", "delay=2000");
    }

    private PayerSettings payer(String sftpExtra) throws IOException {
        Path folder = Files.createDirectories(mappings.resolve("zen-hmo"));
        Path file = folder.resolve("payer.yaml");
        Files.writeString(file, """
                code: zen-hmo
                name: Zen HMO
                channel: sftp
                format: x12
                sftp:
                  host: sftp.zen.example
                  port: 2222
                  username: hub
                  password: s3cret
                  directory: claims
                """ + sftpExtra + """
                responses:
                  formats: [x12]
                  sftp:
                    directory: outbound
                """);
        return PayerYaml.read(file, new StandardEnvironment());
    }
}
