package com.hmoexchange.hub.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.MappingLimits;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payer's JSONata mapping that runs too long or recurses without end is stopped, and the document is unreadable
 * (quarantined with the reason) before anything of it is applied: the reader gives no answer to apply.
 */
class MappingTimeLimitTests {

    @TempDir
    Path folder;

    final MappingLimits limits = new MappingLimits(Duration.ofMillis(200), 200);

    @Test
    void a_mapping_that_runs_past_the_time_limit_is_stopped_with_the_reason() throws Exception {
        // About nine million steps: far longer than 200 ms.
        JsonResponses slow = reader("$sum([1..3000].($sum([1..3000].($ * 2))))");

        assertThatThrownBy(() -> slow.read(document("{\"claim\":{\"ref\":\"CLM-1\"}}")))
                .isInstanceOf(UnreadableResponse.class)
                .hasMessageContaining("slow.jsonata")
                .hasMessageContaining("stopped after 200 ms")
                .hasMessageContaining("hub.mappings.time-limit");
    }

    @Test
    void a_mapping_that_recurses_without_end_is_stopped_with_the_reason() throws Exception {
        JsonResponses looping = reader("($f := function($n){ $n > 0 ? 1 + $f($n + 1) : 0 }; $f(1))");

        assertThatThrownBy(() -> looping.read(document("{}")))
                .isInstanceOf(UnreadableResponse.class)
                .hasMessageContaining("hub.mappings.max-depth");
    }

    @Test
    void a_payers_mapping_within_the_limits_maps_as_before() throws Exception {
        JsonResponses acme = new JsonResponses(new ObjectMapper(), Path.of("mappings/acme-hmo/response-in.jsonata"), limits);

        PayerResponse read = acme.read(new ByteArrayInputStream(
                Files.readAllBytes(Path.of("mappings/acme-hmo/samples/status-partial.response.json"))));

        assertThat(read.adjudications()).isNotEmpty();
    }

    private JsonResponses reader(String mapping) throws Exception {
        Path file = Files.writeString(folder.resolve("slow.jsonata"), mapping);
        return new JsonResponses(new ObjectMapper(), file, limits);
    }

    private static ByteArrayInputStream document(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
