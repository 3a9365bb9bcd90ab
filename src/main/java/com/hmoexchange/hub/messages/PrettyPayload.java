package com.hmoexchange.hub.messages;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A stored payload laid out for the operator's message page: JSON and XML indented, X12 one segment per line, CSV
 * as a table. What cannot be read as its apparent format is shown as it is (the raw download is always the exact
 * text). Only the page's copy is changed; the store keeps the payload byte for byte.
 *
 * @param format what the payload was read as
 * @param text the laid-out text (empty for CSV, which is {@code rows})
 * @param rows CSV rows, the first the header as sent
 */
record PrettyPayload(Format format, String text, List<List<String>> rows) {

    enum Format { JSON, XML, X12, CSV, TEXT }

    /** Larger payloads are shown as they are: laying them out would cost the page more than it helps. */
    static final int MAX_CHARS = 2_000_000;
    private static final int MAX_CSV_ROWS = 500;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static PrettyPayload of(String payload) {
        if (payload == null) {
            return new PrettyPayload(Format.TEXT, "", List.of());
        }
        String trimmed = payload.strip();
        if (trimmed.length() > MAX_CHARS) {
            return asIs(payload);
        }
        try {
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                return new PrettyPayload(Format.JSON, json(trimmed), List.of());
            }
            if (trimmed.startsWith("<")) {
                return new PrettyPayload(Format.XML, xml(trimmed), List.of());
            }
            if (trimmed.startsWith("ISA") && trimmed.length() >= 106) {
                return new PrettyPayload(Format.X12, x12(trimmed), List.of());
            }
            List<List<String>> rows = csv(trimmed);
            if (rows.size() >= 2 && rows.get(0).size() >= 2 && rows.get(0).size() == rows.get(1).size()) {
                return new PrettyPayload(Format.CSV, "", rows);
            }
        } catch (IOException | RuntimeException | javax.xml.parsers.ParserConfigurationException
                | org.xml.sax.SAXException | javax.xml.transform.TransformerException e) {
            return asIs(payload); // not what it looked like: shown exactly as received
        }
        return asIs(payload);
    }

    private static PrettyPayload asIs(String payload) {
        return new PrettyPayload(Format.TEXT, payload, List.of());
    }

    private static String json(String text) throws IOException {
        JsonNode tree = JSON.readTree(text);
        return JSON.writeValueAsString(tree);
    }

    /** Parsed with no DTD and no outside entities: a payer's document cannot make the hub read files or addresses. */
    private static String xml(String text) throws javax.xml.parsers.ParserConfigurationException, org.xml.sax.SAXException,
            IOException, javax.xml.transform.TransformerException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // silent: a refusal is an exception, not a print
        Document document = builder.parse(new InputSource(new StringReader(text)));
        dropBlankText(document.getDocumentElement());
        // The JDK's own transformer, whatever else is on the class path: it honours the indent amount.
        TransformerFactory transformers = TransformerFactory.newDefaultInstance();
        transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        var transformer = transformers.newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, text.startsWith("<?xml") ? "no" : "yes");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toString().strip();
    }

    /** The whitespace between elements, so that the indentation is the transformer's alone. */
    private static void dropBlankText(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                node.removeChild(child);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                dropBlankText(child);
            }
            child = next;
        }
    }

    /** The segment terminator is the ISA segment's last character (position 106); line breaks after it are dropped. */
    private static String x12(String text) {
        char terminator = text.charAt(105);
        StringBuilder out = new StringBuilder();
        for (String segment : text.split(Pattern.quote(String.valueOf(terminator)))) {
            String clean = segment.strip();
            if (!clean.isEmpty()) {
                out.append(clean).append(terminator).append('\n');
            }
        }
        return out.toString().strip();
    }

    /** The rows as CSV; a text is shown as a table only when its first two rows have the same two or more columns. */
    private static List<List<String>> csv(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text))) {
            if (rows.size() == MAX_CSV_ROWS) {
                break;
            }
            rows.add(record.toList());
        }
        return rows;
    }

    public boolean isTable() {
        return format == Format.CSV;
    }

    public boolean isTruncated() {
        return rows.size() == MAX_CSV_ROWS;
    }
}
