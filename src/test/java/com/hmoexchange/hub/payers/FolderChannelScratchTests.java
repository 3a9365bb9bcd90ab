package com.hmoexchange.hub.payers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.core.env.StandardEnvironment;

/** SCRATCH: the throw-away folder channel is read, checked and addressed like the others. */
class FolderChannelScratchTests {

    @TempDir
    Path mappings;

    @Test
    void a_folder_payer_is_read_checked_and_addressed() throws Exception {
        PayerSettings payer = read("code: f-hmo\nname: F\nchannel: folder\nformat: x12\nfolder:\n  path: /srv/claims/f\n");
        assertThat(payer.channel()).isEqualTo(Channel.FOLDER);
        assertThat(payer.section(FolderSection.class).path()).isEqualTo("/srv/claims/f");
        PayerAddresses addresses = new PayerAddresses(new MailProperties());
        assertThat(addresses.claimsOut(payer)).isEqualTo("file:/srv/claims/f?tempPrefix=.tmp-");
        assertThat(addresses.describeClaimsOut(payer)).isEqualTo("file:/srv/claims/f");

        assertThatThrownBy(() -> read("code: f-hmo\nname: F\nchannel: folder\nformat: x12\n"))
                .hasMessageContaining("channel folder needs a 'folder' section");
        assertThatThrownBy(() -> read("code: f-hmo\nname: F\nchannel: folder\nformat: x12\nfolder:\n  path: /x\n  mode: 600\n"))
                .hasMessageContaining("unknown field 'folder.mode'; allowed here: [path]");
        assertThatThrownBy(() -> read("code: f-hmo\nname: F\nchannel: pigeon\nformat: x12\n"))
                .hasMessageContaining("channel 'pigeon' is not one of [HTTP, SFTP, EMAIL, FOLDER]");
    }

    private PayerSettings read(String yaml) throws Exception {
        Path file = Files.createDirectories(mappings.resolve("f-hmo")).resolve("payer.yaml");
        Files.writeString(file, yaml);
        return PayerYaml.read(file, new StandardEnvironment());
    }
}
