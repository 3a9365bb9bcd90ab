package com.hmoexchange.hub.payers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.hmoexchange.hub.payers.PayerSettings.Alerts;
import com.hmoexchange.hub.payers.PayerSettings.CsvAnswers;
import com.hmoexchange.hub.payers.PayerSettings.Imap;
import com.hmoexchange.hub.payers.PayerSettings.Responses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.PropertyResolver;

/**
 * Reads one payer.yaml into {@link PayerSettings}. Every problem stops the read with the file, the field and
 * what is allowed, so a broken file stops the hub's start instead of failing a claim later. Unknown fields
 * are refused too: a misspelt one would otherwise be silently ignored. A channel's section is read by the
 * channel's own record ({@link ChannelSection}) through a {@link Section}, with the same checks and messages.
 */
final class PayerYaml {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final Pattern SENDER = Pattern.compile("[^@\\s]*@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final PropertyResolver placeholders;

    private PayerYaml(Path file, PropertyResolver placeholders) {
        this.file = file;
        this.placeholders = placeholders;
    }

    static PayerSettings read(Path file, PropertyResolver placeholders) {
        return new PayerYaml(file, placeholders).read();
    }

    private PayerSettings read() {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw problem("is not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw problem("must hold a YAML mapping with code, name, channel and format");
        }
        List<String> fields = new ArrayList<>(List.of("code", "name", "channel", "format", "mapping", "requiredAttachments",
                "staleAfterDays", "csv", "responses", "alerts", "preauthorisation", "eligibility"));
        fields.addAll(Channel.codes());
        only(root, "", fields.toArray(String[]::new));
        Path folder = file.getParent();
        String folderName = folder.getFileName().toString();
        String code = required(root, "code");
        if (!CODE.matcher(code).matches() || !code.equals(folderName)) {
            throw problem("code '" + code + "' must be lower case letters, digits and dashes and equal the folder name '"
                    + folderName + "'");
        }
        String name = required(root, "name");
        Channel channel = oneOf(Channel.class, "channel", required(root, "channel"));
        ClaimFormat format = oneOf(ClaimFormat.class, "format", required(root, "format"));
        List<AttachmentType> required = new ArrayList<>();
        for (String item : list(root, "requiredAttachments")) {
            required.add(oneOf(AttachmentType.class, "requiredAttachments", item));
        }
        int staleAfterDays = number(root, "staleAfterDays", 14);
        if (staleAfterDays < 1) {
            throw problem("staleAfterDays must be at least 1");
        }
        Path mapping = null;
        if (format.mapped()) {
            mapping = existing(folder, "mapping", optional(root, "mapping", "claim-out.jsonata"));
        } else if (root.has("mapping")) {
            throw problem("mapping is only for the formats " + Arrays.stream(ClaimFormat.values()).filter(ClaimFormat::mapped)
                    .map(ClaimFormat::code).toList() + "; the " + format.code() + " format is built in: remove it");
        }
        Map<Channel, ChannelSection> sections = new EnumMap<>(Channel.class);
        for (Channel each : Channel.values()) {
            if (root.has(each.code())) {
                sections.put(each, each.read(new Section(root.path(each.code()), each.code())));
            }
        }
        if (!sections.containsKey(channel)) {
            throw problem("channel " + channel.code() + " needs a '" + channel.code() + "' section with its settings "
                    + "(see docs/adding-a-payer.md)");
        }
        List<String> columns = List.of();
        if (root.has("csv")) {
            only(root.path("csv"), "csv.", "columns");
            columns = list(root.path("csv"), "csv.columns", "columns");
        }
        if (format == ClaimFormat.CSV && columns.isEmpty()) {
            throw problem("format csv needs csv.columns: the column order of the claim file");
        }
        Responses responses = root.has("responses") ? responses(folder, root.path("responses")) : Responses.NONE;
        if (!responses.sftpDirectory().isBlank() && !sections.containsKey(Channel.SFTP)) {
            throw problem("responses.sftp.directory needs the 'sftp' section: answers are taken with the same login");
        }
        Alerts alerts = root.has("alerts") ? alerts(root.path("alerts")) : Alerts.NONE;
        PreAuthorisationSection preauthorisation = root.has("preauthorisation")
                ? PreAuthorisationSection.read(new Section(root.path("preauthorisation"), "preauthorisation"))
                : PreAuthorisationSection.NONE;
        if (preauthorisation.mode() == PreAuthorisationSection.Mode.CHANNEL && !root.path("preauthorisation").has("url")) {
            throw problem("preauthorisation.mode channel needs preauthorisation.url: where the FHIR pre-authorisation Claim is posted");
        }
        if (preauthorisation.mode() == PreAuthorisationSection.Mode.JSON && !root.path("preauthorisation").has("url")) {
            throw problem("preauthorisation.mode json needs preauthorisation.url: where the payer's JSON request is posted");
        }
        if (preauthorisation.mode() == PreAuthorisationSection.Mode.EMAIL && (!root.path("preauthorisation").has("email")
                || !root.path("responses").has("email"))) {
            throw problem("preauthorisation.mode email needs preauthorisation.email (where the request is mailed) and "
                    + "responses.email (the mailbox its answer comes back to)");
        }
        EligibilitySection eligibility = root.has("eligibility")
                ? EligibilitySection.read(new Section(root.path("eligibility"), "eligibility"), code)
                : EligibilitySection.LOCAL;
        if (eligibility.source() != EligibilitySection.Source.LOCAL && !root.path("eligibility").has("url")) {
            throw problem("eligibility.source " + eligibility.source().name().toLowerCase(Locale.ROOT)
                    + " needs eligibility.url: where the hub asks the payer");
        }
        return new PayerSettings(code, name, folder, channel, format, mapping, required, staleAfterDays, sections, columns,
                responses, alerts, preauthorisation, eligibility);
    }

    private Alerts alerts(JsonNode node) {
        only(node, "alerts.", "failingFor", "silentFor", "requestsPendingFor");
        return new Alerts(duration(node, "alerts.", "failingFor"), duration(node, "alerts.", "silentFor"),
                duration(node, "alerts.", "requestsPendingFor"));
    }

    /** A positive duration such as 30m, 6h or 2d; null when the field is left out. */
    private Duration duration(JsonNode node, String prefix, String field) {
        if (!node.has(field) || node.path(field).isNull()) {
            return null;
        }
        String value = optional(node, field, "");
        Duration parsed;
        try {
            parsed = DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null || parsed.isNegative() || parsed.isZero()) {
            throw problem(prefix + field + " '" + value + "' is not a positive duration such as 30m, 6h or 2d");
        }
        return parsed;
    }

    private Responses responses(Path folder, JsonNode node) {
        only(node, "responses.", "formats", "mapping", "csv", "sftp", "email", "callback");
        List<ResponseFormat> formats = new ArrayList<>();
        for (String item : list(node, "responses.formats", "formats")) {
            formats.add(oneOf(ResponseFormat.class, "responses.formats", item));
        }
        if (formats.isEmpty()) {
            throw problem("responses.formats is required: the formats the payer answers in, one or more of "
                    + ResponseFormat.codes());
        }
        Path mapping = null;
        if (formats.contains(ResponseFormat.JSON)) {
            mapping = existing(folder, "responses.mapping", optional(node, "mapping", "response-in.jsonata"));
        }
        JsonNode csv = node.path("csv");
        only(csv, "responses.csv.", "columns", "statuses");
        CsvAnswers answers = new CsvAnswers(map(csv.path("columns"), "responses.csv.columns"),
                map(csv.path("statuses"), "responses.csv.statuses"));
        JsonNode sftp = node.path("sftp");
        only(sftp, "responses.sftp.", "directory");
        Imap imap = null;
        if (node.has("email")) {
            JsonNode email = node.path("email");
            only(email, "responses.email.", "host", "port", "protocol", "username", "password", "folder", "senders",
                    "authentication");
            String protocol = optional(email, "protocol", "imaps").toLowerCase(Locale.ROOT);
            if (!protocol.equals("imap") && !protocol.equals("imaps")) {
                throw problem("responses.email.protocol '" + protocol + "' is not one of [imap, imaps]");
            }
            String authentication = optional(email, "authentication", "required").toLowerCase(Locale.ROOT);
            if (!authentication.equals("required") && !authentication.equals("none")) {
                throw problem("responses.email.authentication '" + authentication + "' is not one of [required, none]");
            }
            imap = new Imap(optional(email, "host", ""), number(email, "responses.email.port", "port",
                    protocol.equals("imaps") ? 993 : 143), protocol, optional(email, "username", ""),
                    optional(email, "password", ""), optional(email, "folder", "INBOX"), senders(email),
                    authentication.equals("required"));
            if (imap.configured() && imap.senders().isEmpty()) {
                throw problem("responses.email.senders is required with responses.email.host: the addresses "
                        + "(answers@payer.example) or domains (@payer.example) the payer answers from; mails from others are held");
            }
        }
        JsonNode callback = node.path("callback");
        only(callback, "responses.callback.", "secret", "previous-secret");
        String secret = secret(callback, "responses.callback.", "secret");
        String previous = secret(callback, "responses.callback.", "previous-secret");
        if (secret.isEmpty() && !previous.isEmpty()) {
            throw problem("responses.callback.previous-secret is set but responses.callback.secret is empty: during a "
                    + "rotation secret holds the new key and previous-secret the old one");
        }
        return new Responses(formats, mapping, answers, optional(sftp, "directory", ""), imap, secret, previous);
    }

    /**
     * The addresses a payer answers from: a list whose items may each hold several, separated by commas (so that one
     * environment variable can give them all), each an address or an {@code @domain}.
     */
    private List<String> senders(JsonNode email) {
        List<String> senders = new ArrayList<>();
        for (String item : list(email, "responses.email.senders", "senders")) {
            for (String one : item.split(",")) {
                String sender = one.trim().toLowerCase(Locale.ROOT);
                if (sender.isEmpty()) {
                    continue;
                }
                if (!SENDER.matcher(sender).matches()) {
                    throw problem("responses.email.senders '" + sender + "' is neither an address (answers@payer.example) "
                            + "nor a domain (@payer.example)");
                }
                senders.add(sender);
            }
        }
        return senders;
    }

    /**
     * One mapping of the file (a channel's section, such as {@code sftp:}), read with the checks and messages of
     * the whole file: a problem names the file and the field by its full name ({@code sftp.port}).
     */
    final class Section {

        private final JsonNode node;
        private final String name;

        private Section(JsonNode node, String name) {
            this.node = node;
            this.name = name;
        }

        /** Refuses any field but these. */
        Section only(String... allowed) {
            PayerYaml.this.only(node, name + ".", allowed);
            return this;
        }

        /** A mapping inside this one; an absent one reads as empty. */
        Section section(String field) {
            return new Section(node.path(field), name + "." + field);
        }

        String text(String field, String fallback) {
            return optional(node, field, fallback);
        }

        int number(String field, int fallback) {
            return PayerYaml.this.number(node, name + "." + field, field, fallback);
        }

        boolean bool(String field, boolean fallback) {
            return PayerYaml.this.bool(node, name + "." + field, field, fallback);
        }

        List<String> list(String field) {
            return PayerYaml.this.list(node, name + "." + field, field);
        }

        /** A file of the payer's folder named by the field (the fallback name when left out); refused when there is none. */
        Path file(String field, String fallback) {
            return existing(file.getParent(), name + "." + field, text(field, fallback));
        }

        /** A mapping of name: value inside this one; empty when left out. */
        Map<String, String> map(String field) {
            return PayerYaml.this.map(node.path(field), name + "." + field);
        }

        <E extends Enum<E>> E oneOf(Class<E> type, String field, String fallback) {
            return PayerYaml.this.oneOf(type, name + "." + field, text(field, fallback));
        }

        /** A positive duration such as 45m or 2h; the fallback when the field is left out. */
        java.time.Duration duration(String field, java.time.Duration fallback) {
            java.time.Duration value = PayerYaml.this.duration(node, name + ".", field);
            return value == null ? fallback : value;
        }

        /** A problem with this section, naming the file. */
        IllegalStateException problem(String what) {
            return PayerYaml.this.problem(name + "." + what);
        }
    }

    /** Refuses fields the hub does not know, naming them and the ones it does. */
    private void only(JsonNode node, String prefix, String... allowed) {
        if (node.isMissingNode()) {
            return;
        }
        if (!node.isObject()) {
            throw problem("'" + prefix.replaceAll("\\.$", "") + "' must be a mapping of " + List.of(allowed));
        }
        Set<String> known = Set.of(allowed);
        for (String field : (Iterable<String>) node::fieldNames) {
            if (!known.contains(field)) {
                throw problem("unknown field '" + prefix + field + "'; allowed here: " + List.of(allowed));
            }
        }
    }

    private String required(JsonNode node, String field) {
        String value = text(node.path(field));
        if (value.isEmpty()) {
            throw problem("'" + field + "' is required");
        }
        return value;
    }

    /**
     * A secret named by an environment variable (${NAME} or ${NAME:}, no default), never written in the file itself,
     * which sits in the repository; empty when the field is absent or the variable is unset.
     */
    private String secret(JsonNode node, String prefix, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isTextual() || !value.asText().trim().matches("\\$\\{[A-Za-z_][A-Za-z0-9_.]*:?}")) {
            throw problem(prefix + field + " must name an environment variable, e.g. ${ACME_CALLBACK_SECRET:} with no "
                    + "default: a secret is never written in payer.yaml");
        }
        return text(value);
    }

    private String optional(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? fallback : text(value);
    }

    private String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isContainerNode()) {
            throw problem("a field holds a list or mapping where a single value belongs: " + value);
        }
        try {
            return placeholders.resolveRequiredPlaceholders(value.asText()).trim();
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
    }

    private int number(JsonNode node, String field, int fallback) {
        return number(node, field, field, fallback);
    }

    private int number(JsonNode node, String name, String field, int fallback) {
        String value = optional(node, field, "");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw problem(name + " '" + value + "' must be a whole number");
        }
    }

    private boolean bool(JsonNode node, String name, String field, boolean fallback) {
        String value = optional(node, field, "").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> fallback;
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw problem(name + " '" + value + "' is not one of [true, false]");
        };
    }

    private List<String> list(JsonNode node, String field) {
        return list(node, field, field);
    }

    private List<String> list(JsonNode node, String name, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw problem(name + " must be a list, like [a, b]");
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(text(item)));
        return items;
    }

    private Map<String, String> map(JsonNode node, String name) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw problem(name + " must be a mapping of name: value");
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), text(e.getValue())));
        return values;
    }

    private Path existing(Path folder, String field, String fileName) {
        Path mapping = folder.resolve(fileName).toAbsolutePath().normalize();
        if (!mapping.startsWith(folder.toAbsolutePath().normalize()) || !Files.isRegularFile(mapping)) {
            throw problem(field + " '" + fileName + "' is not a file in the payer's folder " + folder.getFileName());
        }
        return mapping;
    }

    private <E extends Enum<E>> E oneOf(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw problem(field + " '" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }

    private IllegalStateException problem(String what) {
        return new IllegalStateException(file + ": " + what);
    }
}
