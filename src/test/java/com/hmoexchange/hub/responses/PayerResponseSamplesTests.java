package com.hmoexchange.hub.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.hmoexchange.hub.payers.PayerCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.env.StandardEnvironment;

/**
 * Golden pairs for answers in: every mappings/<payer>/samples/<case>.response.* (what the payer sends: its
 * CSV, its JSON, FHIR) must read, through the payer's mapping, into <case>.normalised.json. After a deliberate
 * mapping change, -Dhub.samples.regenerate=true rewrites the normalised files; review the diff.
 */
class PayerResponseSamplesTests {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    final PayerCatalog catalog = PayerCatalog.read(Paths.get("mappings"), new StandardEnvironment());
    final ResponseFormats formats = new ResponseFormats(Map.of("fhir", new FhirResponses()), catalog, JSON);

    @TestFactory
    Stream<DynamicTest> every_payer_response_sample_reads_into_its_normalised_answer() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String payer : catalog.codes().stream().sorted().toList()) {
            Path samples = catalog.folder(payer).resolve("samples");
            try (Stream<Path> files = Files.list(samples)) {
                for (Path input : files.filter(p -> p.getFileName().toString().contains(".response.")).sorted().toList()) {
                    tests.add(DynamicTest.dynamicTest(payer + "/" + input.getFileName(), () -> check(payer, input)));
                }
            }
        }
        assertThat(tests).as("every payer has at least one response sample").hasSizeGreaterThanOrEqualTo(catalog.codes().size());
        return tests.stream();
    }

    private void check(String payer, Path input) throws Exception {
        // Written and read back, so amounts compare as the file holds them.
        JsonNode actual = JSON.readTree(JSON.writeValueAsString(NormalisedJson.write(JSON, formats.read(payer, Files.readAllBytes(input)))));
        String name = input.getFileName().toString();
        Path expected = input.resolveSibling(name.substring(0, name.indexOf(".response.")) + ".normalised.json");
        if (Boolean.getBoolean("hub.samples.regenerate")) {
            Files.writeString(expected, JSON.writeValueAsString(actual) + "\n");
        }
        assertThat(actual).as(input + " against " + expected.getFileName()).isEqualTo(JSON.readTree(expected.toFile()));
    }
}
