package com.hmoexchange.hub.payers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.PropertyResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payers are configured as folders, not code: at start-up every {@code mappings/<code>/payer.yaml}
 * is read, checked and mirrored into the payer table. A broken file stops start-up with a message
 * naming the file and the field, rather than a hub running with a half-configured payer.
 */
@Component
public class PayerCatalog implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PayerCatalog.class);
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    private final Path mappingsDir;
    private final PayerRepository payers;
    private final TransactionTemplate tx;
    private final PropertyResolver placeholders;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();

    PayerCatalog(@Value("${hub.mappings-dir}") Path mappingsDir, PayerRepository payers, TransactionTemplate tx,
            PropertyResolver placeholders) {
        this.mappingsDir = mappingsDir;
        this.payers = payers;
        this.tx = tx;
        this.placeholders = placeholders;
    }

    /** Reads and checks every payer folder without touching the database: for tools and sample checks. */
    public static PayerCatalog read(Path mappingsDir, PropertyResolver placeholders) {
        PayerCatalog catalog = new PayerCatalog(mappingsDir, null, null, placeholders);
        catalog.readAll();
        return catalog;
    }

    /** The payer's folder, where its mapping files and samples live. */
    public Path folder(String code) {
        return mappingsDir.resolve(code);
    }

    /**
     * The whole payer.yaml with every ${NAME:default} placeholder resolved from the environment, so
     * secrets stay out of the file. Dispatch and ingest read their channel settings from it.
     */
    public JsonNode document(String code) {
        JsonNode document = documents.get(code);
        if (document == null) {
            throw new IllegalArgumentException("No payer '" + code + "' under " + mappingsDir.toAbsolutePath());
        }
        return document;
    }

    public Set<String> codes() {
        return Set.copyOf(documents.keySet());
    }

    @Override
    public void afterPropertiesSet() {
        List<PayerDefinition> definitions = readAll();
        tx.executeWithoutResult(status -> definitions.forEach(this::upsert));
        log.info("Loaded {} payer(s) from {}: {}", definitions.size(), mappingsDir.toAbsolutePath(),
                definitions.stream().map(PayerDefinition::code).toList());
    }

    List<PayerDefinition> readAll() {
        if (!Files.isDirectory(mappingsDir)) {
            log.warn("No mappings folder at {}: no payers are configured", mappingsDir.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> folders = Files.list(mappingsDir)) {
            List<PayerDefinition> definitions = new ArrayList<>();
            for (Path file : folders.map(folder -> folder.resolve("payer.yaml")).filter(Files::isRegularFile).sorted().toList()) {
                definitions.add(read(file));
            }
            return definitions;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list payer mappings in " + mappingsDir.toAbsolutePath(), e);
        }
    }

    PayerDefinition read(Path file) {
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException(file + " must hold a YAML mapping with code, name, channel and format");
        }
        try {
            root = resolved(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        String folder = file.getParent().getFileName().toString();
        String code = text(file, root, "code");
        if (!CODE.matcher(code).matches() || !code.equals(folder)) {
            throw new IllegalStateException(file + ": code '" + code + "' must be lower case letters, digits and dashes "
                    + "and equal the folder name '" + folder + "'");
        }
        Channel channel = enumValue(file, Channel.class, "channel", text(file, root, "channel"));
        List<AttachmentType> required = new ArrayList<>();
        for (JsonNode item : root.path("requiredAttachments")) {
            required.add(enumValue(file, AttachmentType.class, "requiredAttachments", item.asText()));
        }
        int staleAfterDays = root.path("staleAfterDays").asInt(14);
        if (staleAfterDays < 1) {
            throw new IllegalStateException(file + ": staleAfterDays must be at least 1");
        }
        documents.put(code, root);
        return new PayerDefinition(code, text(file, root, "name"), channel, text(file, root, "format"), required,
                staleAfterDays);
    }

    private JsonNode resolved(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(placeholders.resolveRequiredPlaceholders(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = yaml.createObjectNode();
            node.properties().forEach(field -> copy.set(field.getKey(), resolved(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = yaml.createArrayNode();
            node.forEach(item -> copy.add(resolved(item)));
            return copy;
        }
        return node;
    }

    private void upsert(PayerDefinition definition) {
        payers.findByCode(definition.code()).ifPresentOrElse(
                payer -> payer.update(definition),
                () -> payers.save(new Payer(definition)));
    }

    private static String text(Path file, JsonNode root, String field) {
        String value = root.path(field).asText("").trim();
        if (value.isEmpty()) {
            throw new IllegalStateException(file + ": '" + field + "' is required");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(Path file, Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + field + " '" + value + "' is not one of "
                    + List.of(type.getEnumConstants()), e);
        }
    }
}
