package com.hmoexchange.hub.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.payers.ResponseFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;

/** How a payer's answers are read is settled at start: a wrong CSV setting stops it, and a payer's one format is not guessed. */
class ResponseFormatsTests {

    @TempDir
    Path mappings;

    @Test
    void a_status_word_mapped_to_no_claim_status_stops_the_start_naming_the_file_and_the_statuses_allowed() throws IOException {
        PayerCatalog catalog = payer("""
                  csv:
                    statuses:
                      OK: FINE
                """);

        assertThatThrownBy(() -> new ResponseFormats(Map.of(), catalog, new ObjectMapper()))
                .hasMessageContaining(mappings.resolve("h-hmo/payer.yaml").toString())
                .hasMessageContaining("responses.csv.statuses: OK maps to 'FINE', which is not one of [")
                .hasMessageNotContaining("ClaimStatus");
    }

    @Test
    void a_payer_that_answers_in_one_format_has_every_document_read_as_that_format() throws IOException {
        ResponseFormats formats = new ResponseFormats(Map.of(), payer(""), new ObjectMapper());

        byte[] json = "{\"claims\": []}".getBytes(StandardCharsets.UTF_8);
        assertThat(ResponseFormats.sniff(json)).isEqualTo(ResponseFormat.JSON);
        assertThatThrownBy(() -> formats.read("h-hmo", json)).isInstanceOf(UnreadableResponse.class);
        assertThat(formats.formatOf(PayerCatalog.read(mappings, new StandardEnvironment()).settings("h-hmo"), json))
                .isEqualTo(ResponseFormat.CSV);
    }

    private PayerCatalog payer(String responsesExtra) throws IOException {
        Path folder = Files.createDirectories(mappings.resolve("h-hmo"));
        Files.writeString(folder.resolve("payer.yaml"), """
                code: h-hmo
                name: H HMO
                channel: email
                format: fhir
                email:
                  to: claims@h.example
                responses:
                  formats: [csv]
                """ + responsesExtra);
        return PayerCatalog.read(mappings, new StandardEnvironment());
    }
}
