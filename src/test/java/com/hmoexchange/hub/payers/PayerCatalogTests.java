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
        List<PayerDefinition> payers = new PayerCatalog(Paths.get("mappings"), null, null, new StandardEnvironment()).readAll();

        assertThat(payers).extracting(PayerDefinition::code).contains("acme-hmo", "harmony-care");
        assertThat(payers).filteredOn(p -> p.code().equals("harmony-care")).singleElement()
                .satisfies(p -> assertThat(p.requiredAttachments()).containsExactly(AttachmentType.REFERRAL_LETTER));
    }

    @Test
    void a_payer_folder_is_read_with_defaults() throws IOException {
        write("zen-hmo", "code: zen-hmo\nname: Zen HMO\nchannel: email\nformat: fhir\n");

        PayerDefinition zen = catalog().readAll().get(0);

        assertThat(zen.channel()).isEqualTo(Channel.EMAIL);
        assertThat(zen.requiredAttachments()).isEmpty();
        assertThat(zen.staleAfterDays()).isEqualTo(14);
    }

    @Test
    void a_missing_field_an_unknown_channel_or_attachment_type_is_named() throws IOException {
        write("a-hmo", "code: a-hmo\nchannel: http\nformat: json\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("a-hmo").hasMessageContaining("'name' is required");

        write("a-hmo", "code: a-hmo\nname: A\nchannel: pigeon\nformat: json\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("channel 'pigeon' is not one of [HTTP, SFTP, EMAIL]");

        write("a-hmo", "code: a-hmo\nname: A\nchannel: http\nformat: json\nrequiredAttachments: [SELFIE]\n");
        assertThatThrownBy(() -> catalog().readAll()).hasMessageContaining("requiredAttachments 'SELFIE'");
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
