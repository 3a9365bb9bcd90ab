package com.hmoexchange.hub.payers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.junit.jupiter.api.io.TempDir;

/** Payer folders are read and checked; a broken payer.yaml names the file and the field. */
class PayerCatalogTests {

    @TempDir
    Path mappings;

    PayerCatalog catalog() {
        return new PayerCatalog(mappings, null, null, new StandardEnvironment());
    }

    @Test
    void every_payer_in_the_repository_reads_cleanly() {
        List<PayerSettings> payers = new PayerCatalog(Paths.get("mappings"), null, null, new StandardEnvironment()).readAll();

        assertThat(payers).extracting(PayerSettings::code).contains("acme-hmo", "harmony-care");
        assertThat(payers).filteredOn(p -> p.code().equals("harmony-care")).singleElement()
                .satisfies(p -> assertThat(p.requiredAttachments()).containsExactly(AttachmentType.REFERRAL_LETTER));
    }

    @Test
    void a_payer_folder_is_read_with_defaults() throws IOException {
        write("zen-hmo", "code: zen-hmo\nname: Zen HMO\nchannel: email\nformat: fhir\nemail:\n  to: claims@zen.example\n");

        PayerSettings zen = catalog().readAll().get(0);

        assertThat(zen.channel()).isEqualTo(Channel.EMAIL);
        assertThat(zen.requiredAttachments()).isEmpty();
        assertThat(zen.staleAfterDays()).isEqualTo(14);
        assertThat(zen.format()).isEqualTo(ClaimFormat.FHIR);
        assertThat(zen.section(EmailSection.class).to()).isEqualTo("claims@zen.example");
        assertThat(zen.responses().formats()).isEmpty();
    }

    @Test
    void the_settings_of_each_channel_and_the_answers_are_typed() {
        PayerCatalog catalog = PayerCatalog.read(Paths.get("mappings"), new StandardEnvironment());

        PayerSettings acme = catalog.settings("acme-hmo");
        assertThat(acme.channel()).isEqualTo(Channel.HTTP);
        assertThat(acme.format()).isEqualTo(ClaimFormat.JSON);
        assertThat(acme.mapping()).endsWith(Paths.get("acme-hmo", "claim-out.jsonata"));
        assertThat(acme.section(HttpSection.class).auth()).isEqualTo(HttpSection.Auth.BEARER);
        assertThat(acme.section(HttpSection.class).receivedWhen()).containsExactly("RECEIVED");
        assertThat(acme.responses().formats()).containsExactly(ResponseFormat.JSON);

        PayerSettings harmony = catalog.settings("harmony-care");
        assertThat(harmony.section(SftpSection.class).port()).isEqualTo(2222);
        assertThat(harmony.section(SftpSection.class).strictHostKeyChecking()).isTrue();
        assertThat(harmony.csvColumns()).startsWith("CLAIM_REF", "PROVIDER_REF");
        assertThat(harmony.responses().csv().statuses()).containsEntry("DECLINED", "REJECTED");
        assertThat(harmony.responses().sftpDirectory()).isEqualTo("responses");

        assertThat(catalog.settings("zenith-care").responses().onlyFormat()).contains(ResponseFormat.X12);
        assertThat(catalog.settings("crestline-health").responses().mailbox()).isEmpty();
    }

    @Test
    void a_wrong_format_a_missing_channel_section_or_an_unknown_field_is_named_with_what_is_allowed() throws IOException {
        write("a-hmo", "code: a-hmo\nname: A\nchannel: email\nformat: pdf\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("a-hmo").hasMessageContaining("payer.yaml")
                .hasMessageContaining("format 'pdf' is not one of [JSON, CSV, FHIR, X12]");

        write("a-hmo", "code: a-hmo\nname: A\nchannel: sftp\nformat: x12\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("channel sftp needs a 'sftp' section");

        write("a-hmo", "code: a-hmo\nname: A\nchannel: email\nformat: x12\nemail:\n  to: x@a.example\n  cc: y@a.example\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("unknown field 'email.cc'; allowed here: [to]");

        write("a-hmo", "code: a-hmo\nname: A\nchannel: email\nformat: x12\nemail:\n  to: x@a.example\n"
                + "responses:\n  formats: [pdf]\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("responses.formats 'pdf' is not one of [CSV, JSON, FHIR, X12]");

        write("a-hmo", "code: a-hmo\nname: A\nchannel: email\nformat: x12\nemail:\n  to: x@a.example\n"
                + "responses:\n  email:\n    host: imap.a.example\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("responses.formats is required");

        write("a-hmo", "code: a-hmo\nname: A\nchannel: email\nformat: x12\nemail:\n  to: x@a.example\n"
                + "responses:\n  formats: [x12]\n  email:\n    host: imap.a.example\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("responses.email.senders is required");

        write("a-hmo", "code: a-hmo\nname: A\nchannel: email\nformat: x12\nemail:\n  to: x@a.example\n"
                + "responses:\n  formats: [x12]\n  email:\n    host: imap.a.example\n    senders: [a.example]\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("responses.email.senders 'a.example' is neither");

        write("a-hmo", "code: a-hmo\nname: A\nchannel: email\nformat: x12\nemail:\n  to: x@a.example\n"
                + "responses:\n  formats: [x12]\n  email:\n    host: imap.a.example\n    senders: [\"@a.example\"]\n"
                + "    authentication: maybe\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("responses.email.authentication 'maybe' is not one of [required, none]");

        write("a-hmo", "code: a-hmo\nname: A\nchannel: sftp\nformat: x12\nsftp:\n  host: s.a.example\n  port: twenty-two\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("sftp.port 'twenty-two' must be a whole number");

        write("a-hmo", "code: a-hmo\nname: A\nchannel: http\nformat: json\nhttp:\n  url: https://a.example\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("mapping 'claim-out.jsonata' is not a file");

        write("a-hmo", "code: a-hmo\nname: A\nchannel: http\nformat: csv\nhttp:\n  url: https://a.example\n");
        Files.writeString(mappings.resolve("a-hmo/claim-out.jsonata"), "[]");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("format csv needs csv.columns");
    }

    @Test
    void a_missing_field_an_unknown_channel_or_attachment_type_is_named() throws IOException {
        write("a-hmo", "code: a-hmo\nchannel: http\nformat: json\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("a-hmo").hasMessageContaining("'name' is required");

        write("a-hmo", "code: a-hmo\nname: A\nchannel: pigeon\nformat: json\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("channel 'pigeon' is not one of " + List.of(Channel.values()));

        write("a-hmo", "code: a-hmo\nname: A\nchannel: http\nformat: json\nrequiredAttachments: [SELFIE]\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("requiredAttachments 'SELFIE'");
    }

    @Test
    void a_broken_payer_file_stops_the_start_before_anything_is_stored() throws IOException {
        write("c-hmo", "code: c-hmo\nname: C\nchannel: email\nformat: fhir\nemail:\n  to: c@c.example\nstaleAfterDays: soon\n");

        // No repository and no transaction: the start stops while reading, before the payer table is touched.
        assertThatThrownBy(() -> catalog().afterPropertiesSet()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(mappings.resolve("c-hmo/payer.yaml").toString())
                .hasMessageContaining("staleAfterDays 'soon' must be a whole number");
    }

    @Test
    void callback_secrets_are_named_by_environment_variables_and_two_may_be_valid_at_once() throws IOException {
        String payer = "code: d-hmo\nname: D\nchannel: email\nformat: x12\nemail:\n  to: x@d.example\n"
                + "responses:\n  formats: [x12]\n  callback:\n";
        write("d-hmo", payer + "    secret: written-in-the-file\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("responses.callback.secret must name an environment variable");

        write("d-hmo", payer + "    secret: ${D_SECRET:}\n    previous-secret: ${D_DEFAULTED:old-key}\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("responses.callback.previous-secret must name an environment variable");

        write("d-hmo", payer + "    secret: ${D_UNSET_NEW:}\n    previous-secret: ${PATH}\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("previous-secret is set but responses.callback.secret is empty");

        write("d-hmo", payer + "    secret: ${PATH}\n    previous-secret: ${HOME}\n");
        assertThat(catalog().readAll().get(0).responses().callbackSecrets())
                .containsExactly(System.getenv("PATH"), System.getenv("HOME"));
    }

    @Test
    void an_x12_eligibility_section_takes_its_interchange_ids_or_their_defaults_and_refuses_ids_x12_cannot_carry()
            throws IOException {
        String head = "code: zen-hmo\nname: Zen HMO\nchannel: email\nformat: fhir\nemail:\n  to: claims@zen.example\n";
        write("zen-hmo", head + "eligibility:\n  source: x12\n  url: https://zen.example/core\n");

        EligibilitySection zen = catalog().readAll().get(0).eligibility();

        assertThat(zen.source()).isEqualTo(EligibilitySection.Source.X12);
        assertThat(zen.senderId()).isEqualTo("HMOHUB");
        assertThat(zen.receiverId()).isEqualTo("ZEN-HMO");
        write("zen-hmo", head + "eligibility:\n  source: x12\n  url: https://zen.example/core\n  receiverId: ZEN*CORE\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("receiverId 'ZEN*CORE' is not an X12 interchange id");
        write("zen-hmo", head + "eligibility:\n  source: fhir\n  url: https://zen.example/fhir\n  senderId: HUB\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("senderId and receiverId are only for source x12");
        write("zen-hmo", head + "eligibility:\n  source: x12\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("eligibility.source x12 needs eligibility.url");
    }

    @Test
    void the_code_must_match_its_folder() throws IOException {
        write("b-hmo", "code: other\nname: B\nchannel: http\nformat: json\n");

        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("equal the folder name 'b-hmo'");
    }

    private void write(String folder, String yaml) throws IOException {
        Files.createDirectories(mappings.resolve(folder));
        Files.writeString(mappings.resolve(folder).resolve("payer.yaml"), yaml);
    }
}
