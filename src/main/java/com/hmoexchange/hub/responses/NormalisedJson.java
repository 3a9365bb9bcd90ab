package com.hmoexchange.hub.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hmoexchange.hub.claims.ClaimStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The normalised payer document as JSON: what a payer's JSONata mapping ({@code response-in.jsonata}) must
 * produce, and what golden samples expect. Reading it checks every field and names the one that is wrong.
 * <pre>
 * {"answers": [{"claimNumber", "payerReference", "status", "reasons": [{"code", "text"}], "patientResponsibility",
 *               "lines": [{"sequence", "approvedQuantity", "approvedAmount", "reasons", "patientResponsibility"}]}],
 *  "remittances": [{"paymentReference", "paymentDate", "total", "providerAdjustments",
 *                   "claims": [{"claimNumber", "payerReference", "kind", "charged", "paid", "patientResponsibility",
 *                               "adjustments": [{"group" (CO, PR, OA, PI), "reason", "amount"}],
 *                               "lines": [{"sequence", "serviceCode", "modifiers", "serviceDate", "charged", "paid",
 *                                          "units", "patientResponsibility", "adjustments"}]}]}],
 *  "acknowledgements": [{"setControlNumber", "accepted", "errors": [{"code", "text"}]}]}
 * </pre>
 */
public final class NormalisedJson {

    private NormalisedJson() {
    }

    public static PayerResponse read(JsonNode root) throws UnreadableResponse {
        if (root == null || !root.isObject()) {
            throw new UnreadableResponse(0, "The mapping must produce an object with answers, remittances or acknowledgements.");
        }
        List<ClaimAdjudication> adjudications = new ArrayList<>();
        int i = 0;
        for (JsonNode a : array(root, "answers")) {
            String where = "answers[" + i++ + "]";
            List<LineAdjudication> lines = new ArrayList<>();
            int j = 0;
            for (JsonNode l : array(a, "lines")) {
                String at = where + ".lines[" + j++ + "]";
                lines.add(new LineAdjudication(integer(l, "sequence", at, true), integer(l, "approvedQuantity", at, false),
                        amount(l, "approvedAmount", at, false), reasons(l.path("reasons")),
                        amount(l, "patientResponsibility", at, false)));
            }
            adjudications.add(new ClaimAdjudication(text(a, "claimNumber", where, true), text(a, "payerReference", where, false),
                    status(a, where), reasons(a.path("reasons")), lines, amount(a, "patientResponsibility", where, false)));
        }
        List<Remittance> remittances = new ArrayList<>();
        i = 0;
        for (JsonNode r : array(root, "remittances")) {
            String where = "remittances[" + i++ + "]";
            List<RemittedClaim> claims = new ArrayList<>();
            int j = 0;
            for (JsonNode c : array(r, "claims")) {
                String at = where + ".claims[" + j++ + "]";
                BigDecimal paid = amount(c, "paid", at, true);
                List<RemittedLine> lines = new ArrayList<>();
                int k = 0;
                for (JsonNode l : array(c, "lines")) {
                    String lat = at + ".lines[" + k++ + "]";
                    lines.add(new RemittedLine(integer(l, "sequence", lat, false), text(l, "serviceCode", lat, false),
                            modifiers(l, lat), date(l, "serviceDate", lat), amount(l, "charged", lat, false),
                            amount(l, "paid", lat, true), integer(l, "units", lat, false),
                            amount(l, "patientResponsibility", lat, false), adjustments(l, lat)));
                }
                claims.add(new RemittedClaim(text(c, "claimNumber", at, true), text(c, "payerReference", at, false),
                        kind(c, at, paid), amount(c, "charged", at, false), paid, amount(c, "patientResponsibility", at, false),
                        adjustments(c, at), lines));
            }
            BigDecimal adjustments = amount(r, "providerAdjustments", where, false);
            remittances.add(new Remittance(text(r, "paymentReference", where, true), date(r, "paymentDate", where),
                    amount(r, "total", where, true), adjustments == null ? BigDecimal.ZERO : adjustments, claims));
        }
        List<SetAcknowledgement> acks = new ArrayList<>();
        i = 0;
        for (JsonNode k : array(root, "acknowledgements")) {
            String where = "acknowledgements[" + i++ + "]";
            acks.add(new SetAcknowledgement(text(k, "setControlNumber", where, true), k.path("accepted").asBoolean(false),
                    reasons(k.path("errors"))));
        }
        return new PayerResponse(adjudications, remittances, acks);
    }

    /** The document as normalised JSON (golden samples, the exceptions list's items). */
    public static ObjectNode write(ObjectMapper json, PayerResponse document) {
        ObjectNode root = json.createObjectNode();
        root.set("answers", json.valueToTree(document.adjudications()));
        root.set("remittances", json.valueToTree(document.remittances()));
        root.set("acknowledgements", json.valueToTree(document.acknowledgements()));
        return root;
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) throws UnreadableResponse {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (value.isObject()) {
            ArrayNode one = new ObjectMapper().createArrayNode();
            one.add(value);
            return one;
        }
        if (!value.isArray()) {
            throw new UnreadableResponse(0, "'" + field + "' must be a list.");
        }
        return value;
    }

    private static List<Reason> reasons(JsonNode node) {
        List<Reason> reasons = new ArrayList<>();
        for (JsonNode r : node.isArray() ? node : node.isObject() ? List.of(node) : List.<JsonNode>of()) {
            String code = r.path("code").isValueNode() && !r.path("code").isNull() ? r.path("code").asText() : null;
            String text = r.path("text").isValueNode() && !r.path("text").isNull() ? r.path("text").asText() : null;
            if ((code != null && !code.isBlank()) || (text != null && !text.isBlank())) {
                reasons.add(new Reason(code, text));
            }
        }
        return reasons;
    }

    private static List<Adjustment> adjustments(JsonNode node, String where) throws UnreadableResponse {
        List<Adjustment> adjustments = new ArrayList<>();
        int i = 0;
        for (JsonNode a : array(node, "adjustments")) {
            String at = where + ".adjustments[" + i++ + "]";
            String group = text(a, "group", at, false);
            if (group != null && Adjustment.Group.of(group) == null) {
                throw new UnreadableResponse(0, at + ".group '" + group + "' is not one of CO (contractual), PR (patient "
                        + "responsibility), OA (other), PI (payer-initiated).");
            }
            adjustments.add(new Adjustment(Adjustment.Group.of(group), text(a, "reason", at, false), amount(a, "amount", at, true)));
        }
        return adjustments;
    }

    private static List<String> modifiers(JsonNode node, String where) throws UnreadableResponse {
        List<String> modifiers = new ArrayList<>();
        int i = 0;
        for (JsonNode m : array(node, "modifiers")) {
            if (!m.isValueNode() || m.asText().isBlank()) {
                throw new UnreadableResponse(0, where + ".modifiers[" + i + "] must be a code.");
            }
            modifiers.add(m.asText().trim());
            i++;
        }
        return modifiers;
    }

    private static ClaimStatus status(JsonNode node, String where) throws UnreadableResponse {
        String value = text(node, "status", where, false);
        if (value == null) {
            return null;
        }
        try {
            ClaimStatus status = ClaimStatus.valueOf(value.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
            if (status == ClaimStatus.DRAFT || status == ClaimStatus.SUBMITTED) {
                throw new IllegalArgumentException();
            }
            return status;
        } catch (IllegalArgumentException e) {
            throw new UnreadableResponse(0, where + ".status '" + value + "' is not one of RECEIVED, IN_REVIEW, APPROVED, PARTIAL, REJECTED.");
        }
    }

    private static RemittedClaim.Kind kind(JsonNode node, String where, BigDecimal paid) throws UnreadableResponse {
        String value = text(node, "kind", where, false);
        if (value == null) {
            return paid.signum() < 0 ? RemittedClaim.Kind.REVERSAL : paid.signum() == 0 ? RemittedClaim.Kind.DENIED
                    : RemittedClaim.Kind.PROCESSED;
        }
        try {
            return RemittedClaim.Kind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnreadableResponse(0, where + ".kind '" + value + "' is not one of PROCESSED, DENIED, REVERSAL.");
        }
    }

    static String text(JsonNode node, String field, String where, boolean required) throws UnreadableResponse {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                throw new UnreadableResponse(0, where + "." + field + " is missing.");
            }
            return null;
        }
        if (!value.isValueNode()) {
            throw new UnreadableResponse(0, where + "." + field + " must be text, not " + value.getNodeType() + ".");
        }
        return value.asText().trim();
    }

    private static Integer integer(JsonNode node, String field, String where, boolean required) throws UnreadableResponse {
        String value = text(node, field, where, required);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new UnreadableResponse(0, where + "." + field + " '" + value + "' is not a whole number.");
        }
    }

    private static BigDecimal amount(JsonNode node, String field, String where, boolean required) throws UnreadableResponse {
        String value = text(node, field, where, required);
        if (value == null) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new UnreadableResponse(0, where + "." + field + " '" + value + "' is not an amount.");
        }
        String problem = Amounts.problem(amount);
        if (problem != null) {
            throw new UnreadableResponse(0, where + "." + field + " '" + value + "' " + problem + ".");
        }
        return amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static LocalDate date(JsonNode node, String field, String where) throws UnreadableResponse {
        String value = text(node, field, where, false);
        try {
            return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new UnreadableResponse(0, where + "." + field + " '" + value + "' is not a date (yyyy-mm-dd).");
        }
    }
}
