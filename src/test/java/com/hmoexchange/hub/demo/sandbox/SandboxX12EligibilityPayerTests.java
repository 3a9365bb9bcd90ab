package com.hmoexchange.hub.demo.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.responses.x12.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sandbox Zenith answers the hub's golden 270 with a 271 StAEDI reads back whole (counts and control numbers
 * checked): covered with its benefits, or inactive when the member number ends in 9.
 */
class SandboxX12EligibilityPayerTests {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 2, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void a_member_is_covered_for_the_calendar_year_unless_the_number_ends_in_9() throws Exception {
        String request = Files.readString(Path.of("mappings/zenith-care/samples/eligibility-270.out.x12"));

        List<Segment> covered = SandboxX12EligibilityPayer.read(SandboxX12EligibilityPayer.answer271(
                SandboxX12EligibilityPayer.read(request), "ZENITH-CARE", "HMOHUB", NOW));
        List<Segment> inactive = SandboxX12EligibilityPayer.read(SandboxX12EligibilityPayer.answer271(
                SandboxX12EligibilityPayer.read(request.replace("ZCA-40001", "ZCA-40009")), "ZENITH-CARE", "HMOHUB", NOW));

        assertThat(covered.stream().filter(s -> s.is("TRN")).map(s -> s.element(2))).containsExactly("EL-1");
        assertThat(covered.stream().filter(s -> s.is("EB")).map(s -> s.element(1))).containsExactly("1", "F", "F", "A", "1");
        assertThat(covered.stream().filter(s -> s.is("DTP")).map(s -> s.element(3))).containsExactly("20260101", "20261231");
        assertThat(covered.stream().filter(s -> s.is("EB") && "Y".equals(s.element(11))).map(s -> s.component(13, 2)))
                .containsExactly("IMG-MRI");
        assertThat(inactive.stream().filter(s -> s.is("EB")).map(s -> s.element(1))).containsExactly("6");
        assertThat(inactive.stream().filter(s -> s.is("DTP")).map(s -> s.element(3))).containsExactly("20250101", "20251231");
    }
}
