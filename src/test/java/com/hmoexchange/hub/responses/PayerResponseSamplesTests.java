package com.hmoexchange.hub.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.payers.PayerSettings;
import com.hmoexchange.hub.payers.ResponseFormat;
import com.hmoexchange.hub.responses.x12.X12Responses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.env.StandardEnvironment;

/**
 * Golden pairs for answers in, payer by payer and format by format: for each format a payer answers in
 * ({@code responses.formats}) there is at least one mappings/<payer>/samples/<case>.response.<extension> (what the
 * payer sends), and every such file reads into its <case>.normalised.json. After a deliberate mapping change,
 * -Dhub.samples.regenerate=true rewrites the normalised files; review the diff.
 */
class PayerResponseSamplesTests {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    final PayerCatalog catalog = PayerCatalog.read(Paths.get("mappings"), new StandardEnvironment());
    final ResponseFormats formats = new ResponseFormats(Map.of("fhir", new FhirResponses(), "x12", new X12Responses()),
            catalog, JSON);

    @TestFactory
    Stream<DynamicNode> every_payer_has_samples_of_each_format_it_answers_in_and_each_reads_into_its_normalised_answer()
            throws IOException {
        List<DynamicNode> payers = new ArrayList<>();
        for (PayerSettings payer : catalog.all()) {
            Path samples = payer.folder().resolve("samples");
            List<Path> responses = List.of();
            if (Files.isDirectory(samples)) {
                try (Stream<Path> files = Files.list(samples)) {
                    responses = files.filter(p -> p.getFileName().toString().contains(".response.")).sorted().toList();
                }
            }
            List<DynamicNode> tests = new ArrayList<>();
            for (ResponseFormat format : payer.responses().formats()) {
                List<Path> inFormat = responses.stream().filter(p -> extension(p).equals(format.fileExtension())).toList();
                tests.add(DynamicTest.dynamicTest("has a " + format.code() + " sample", () -> assertThat(inFormat)
                        .as("payer %s answers in %s but has no sample of it: add %s/samples/<case>.response%s and "
                                + "<case>.normalised.json (see docs/adding-a-payer.md)", payer.code(), format.code(),
                                payer.folder(), format.fileExtension())
                        .isNotEmpty()));
            }
            for (Path input : responses) {
                tests.add(DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(payer, input)));
            }
            payers.add(DynamicContainer.dynamicContainer(payer.code(), tests));
        }
        return payers.stream();
    }

    /** What follows ".response" in the file name: ".csv", ".json", ".fhir.json", ".x12". */
    private static String extension(Path sample) {
        String name = sample.getFileName().toString();
        return name.substring(name.indexOf(".response.") + ".response".length());
    }

    private void check(PayerSettings payer, Path input) throws Exception {
        // Written and read back, so amounts compare as the file holds them.
        JsonNode actual = JSON.readTree(JSON.writeValueAsString(NormalisedJson.write(JSON,
                formats.read(payer.code(), Files.readAllBytes(input)))));
        String name = input.getFileName().toString();
        Path expected = input.resolveSibling(name.substring(0, name.indexOf(".response.")) + ".normalised.json");
        if (Boolean.getBoolean("hub.samples.regenerate")) {
            Files.writeString(expected, JSON.writeValueAsString(actual) + "\n");
        }
        assertThat(expected).as("payer %s: the normalised answer beside %s", payer.code(), input).exists();
        assertThat(actual).as(input + " against " + expected.getFileName()).isEqualTo(JSON.readTree(expected.toFile()));
    }
}
