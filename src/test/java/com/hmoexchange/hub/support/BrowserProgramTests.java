package com.hmoexchange.hub.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the browser tests find Chromium and its driver, and what they say when they cannot. */
class BrowserProgramTests {

    @Test
    void a_program_found_nowhere_fails_in_one_line_saying_how_to_install_it() {
        assertThatThrownBy(() -> Browser.program("hub.test.none", "HUB_TEST_NONE", "no-such-chromium-here"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("\n")
                .hasMessageContaining("no-such-chromium-here")
                .hasMessageContaining("apt-get install -y chromium chromium-driver")
                .hasMessageContaining("HUB_TEST_NONE");
    }

    @Test
    void a_path_given_that_is_no_program_is_named_as_such(@TempDir Path folder) throws Exception {
        Path notAProgram = Files.writeString(folder.resolve("chromium"), "text");
        System.setProperty("hub.test.given", notAProgram.toString());
        try {
            assertThatThrownBy(() -> Browser.program("hub.test.given", "HUB_TEST_GIVEN", "chromium"))
                    .hasMessageContaining(notAProgram.toString()).hasMessageContaining("not an executable file");
        } finally {
            System.clearProperty("hub.test.given");
        }
    }

    @Test
    void a_path_given_that_is_a_program_is_taken(@TempDir Path folder) throws Exception {
        Path program = Files.writeString(folder.resolve("chromium"), "#!/bin/sh\n");
        assertThat(program.toFile().setExecutable(true)).isTrue();
        System.setProperty("hub.test.given", program.toString());
        try {
            assertThat(Browser.program("hub.test.given", "HUB_TEST_GIVEN", "no-such-chromium-here")).isEqualTo(program);
        } finally {
            System.clearProperty("hub.test.given");
        }
    }
}
