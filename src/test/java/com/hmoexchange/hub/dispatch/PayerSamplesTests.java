package com.hmoexchange.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.PayerCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.env.StandardEnvironment;

/**
 * Golden pairs: every mappings/<payer>/samples/<case>.input.json (a canonical claim) must turn into
 * its <case>.expected.* through the payer's format, as the dispatch route does it. After a deliberate
 * mapping change, -Dhub.samples.regenerate=true rewrites the expected files; review the diff.
 */
class PayerSamplesTests {

    static final Path MAPPINGS = Paths.get("mappings");
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    final PayerCatalog catalog = PayerCatalog.read(MAPPINGS, new StandardEnvironment());
    final ClaimFiles files = new ClaimFiles(JSON, null);
    final ClaimMappings mappings = new ClaimMappings();

    @TestFactory
    Stream<DynamicTest> every_payer_sample_turns_into_its_expected_output() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String payer : catalog.codes().stream().sorted().toList()) {
            Path samples = catalog.folder(payer).resolve("samples");
            if (!Files.isDirectory(samples)) {
                continue;
            }
            try (Stream<Path> inputs = Files.list(samples)) {
                for (Path input : inputs.filter(p -> p.toString().endsWith(".input.json")).sorted().toList()) {
                    tests.add(DynamicTest.dynamicTest(payer + "/" + input.getFileName(), () -> check(payer, input)));
                }
            }
        }
        assertThat(tests).as("every payer has at least one sample").hasSizeGreaterThanOrEqualTo(catalog.codes().size());
        return tests.stream();
    }

    private void check(String payer, Path input) throws IOException {
        JsonNode settings = catalog.document(payer);
        String format = settings.path("format").asText();
        String canonical = Files.readString(input);
        String actual = switch (format) {
            case "json" -> mapped(payer, settings, canonical);
            case "csv" -> files.csv(JSON.readTree(mapped(payer, settings, canonical)), settings.path("csv").path("columns"));
            case "fhir" -> files.fhir(canonical);
            case "x12" -> files.x12(canonical);
            default -> throw new AssertionError("no sample check for format " + format);
        };
        boolean text = "csv".equals(format) || "x12".equals(format);
        String caseName = input.getFileName().toString().replace(".input.json", "");
        Path expected = input.resolveSibling(caseName + ".expected" + Dispatcher.fileExtension(format));
        if (Boolean.getBoolean("hub.samples.regenerate")) {
            Files.writeString(expected, text ? actual
                    : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(actual)) + "\n");
        }
        assertThat(expected).as("expected output beside " + input).exists();
        if (text) {
            assertThat(actual.replace("\r\n", "\n")).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } else {
            assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected.toFile()));
        }
    }

    private String mapped(String payer, JsonNode settings, String canonical) throws IOException {
        return mappings.map(canonical, catalog.folder(payer).resolve(settings.path("mapping").asText("claim-out.jsonata")));
    }
}
