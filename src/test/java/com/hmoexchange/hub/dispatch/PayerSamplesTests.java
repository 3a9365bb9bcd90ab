package com.hmoexchange.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.payers.PayerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.env.StandardEnvironment;

/**
 * Golden pairs, payer by payer: every payer has at least one mappings/<payer>/samples/<case>.input.json (a canonical
 * claim) with its <case>.expected.<extension of the payer's format>, and each input turns into its expected output
 * through the writer of the payer's format, as the dispatch route does it. After a deliberate mapping change,
 * -Dhub.samples.regenerate=true rewrites the expected files; review the diff.
 */
class PayerSamplesTests {

    static final Path MAPPINGS = Paths.get("mappings");
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    final PayerCatalog catalog = PayerCatalog.read(MAPPINGS, new StandardEnvironment());
    final ClaimFiles files = new ClaimFiles(JSON);
    final ClaimMappings mappings = new ClaimMappings();
    final List<ClaimWriter> writers = List.of(new JsonClaimWriter(mappings), new CsvClaimWriter(mappings, files, JSON),
            new FhirClaimWriter(files), new X12ClaimWriter(files));

    @TestFactory
    Stream<DynamicNode> every_payer_has_samples_of_its_claim_format_and_each_turns_into_its_expected_output() throws IOException {
        List<DynamicNode> payers = new ArrayList<>();
        for (PayerSettings payer : catalog.all()) {
            Path samples = payer.folder().resolve("samples");
            List<Path> inputs = List.of();
            if (Files.isDirectory(samples)) {
                try (Stream<Path> files = Files.list(samples)) {
                    inputs = files.filter(p -> p.toString().endsWith(".input.json")).sorted().toList();
                }
            }
            List<DynamicNode> tests = new ArrayList<>();
            List<Path> found = inputs;
            tests.add(DynamicTest.dynamicTest("has a " + payer.format().code() + " sample", () -> assertThat(found)
                    .as("payer %s has no claim sample in its format %s: add %s/samples/<case>.input.json and "
                            + "<case>.expected%s (see docs/adding-a-payer.md)", payer.code(), payer.format().code(),
                            payer.folder(), payer.format().fileExtension())
                    .isNotEmpty()));
            for (Path input : inputs) {
                tests.add(DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(payer, input)));
            }
            payers.add(DynamicContainer.dynamicContainer(payer.code(), tests));
        }
        assertThat(payers).as("payers under " + MAPPINGS.toAbsolutePath()).isNotEmpty();
        return payers.stream();
    }

    private void check(PayerSettings payer, Path input) throws IOException {
        ClaimWriter writer = writers.stream().filter(w -> w.format() == payer.format()).findFirst()
                .orElseThrow(() -> new AssertionError("no writer for format " + payer.format()));
        String actual = writer.write(Files.readString(input), payer);
        boolean json = payer.format().fileExtension().endsWith(".json");
        String caseName = input.getFileName().toString().replace(".input.json", "");
        Path expected = input.resolveSibling(caseName + ".expected" + payer.format().fileExtension());
        if (Boolean.getBoolean("hub.samples.regenerate")) {
            Files.writeString(expected, json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(actual)) + "\n"
                    : actual);
        }
        assertThat(expected).as("payer %s, format %s: expected output beside %s", payer.code(), payer.format().code(), input)
                .exists();
        if (json) {
            assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected.toFile()));
        } else {
            assertThat(actual.replace("\r\n", "\n")).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        }
    }
}
