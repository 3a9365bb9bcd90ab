package com.hmoexchange.hub.responses.x12;

import com.hmoexchange.hub.responses.Reason;
import com.hmoexchange.hub.responses.SetAcknowledgement;
import com.hmoexchange.hub.responses.UnreadableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One 999 transaction set: per acknowledged set (AK2), the code (IK5: A accepted, E accepted with errors,
 * R rejected) and the errors found (IK3 segment, IK4 element), worded for a person.
 */
final class Acknowledgement999 {

    private static final Map<String, String> SEGMENT_ERRORS = Map.of(
            "1", "unrecognised segment", "2", "unexpected segment", "3", "required segment missing",
            "4", "loop occurs over maximum times", "5", "segment exceeds maximum use",
            "6", "segment not in defined transaction set", "7", "segment not in proper sequence",
            "8", "segment has data element errors");
    private static final Map<String, String> ELEMENT_ERRORS = Map.ofEntries(
            Map.entry("1", "required element missing"), Map.entry("2", "conditional required element missing"),
            Map.entry("3", "too many elements"), Map.entry("4", "element too short"),
            Map.entry("5", "element too long"), Map.entry("6", "invalid character"),
            Map.entry("7", "invalid code value"), Map.entry("8", "invalid date"), Map.entry("9", "invalid time"),
            Map.entry("10", "exclusion condition violated"), Map.entry("12", "too many repetitions"),
            Map.entry("13", "too many components"));
    private static final Map<String, String> SET_ERRORS = Map.of(
            "1", "transaction set not supported", "2", "trailer missing",
            "3", "control number in header and trailer do not match", "4", "number of included segments does not match",
            "5", "one or more segments in error", "6", "missing or invalid transaction set identifier",
            "7", "missing or invalid control number", "23", "control number not unique in the group");

    List<SetAcknowledgement> read(SegmentReader segments) throws UnreadableResponse {
        List<SetAcknowledgement> result = new ArrayList<>();
        String controlNumber = null;
        List<Reason> errors = new ArrayList<>();
        String segmentInError = "";
        for (Segment s = segments.next(); s != null && !s.is("SE"); s = segments.next()) {
            switch (s.tag()) {
                case "AK2" -> {
                    controlNumber = s.element(2);
                    errors = new ArrayList<>();
                }
                case "IK3" -> {
                    segmentInError = "segment %s (number %s in the set)".formatted(s.element(1), s.element(2));
                    if (!s.element(4).isEmpty()) {
                        errors.add(new Reason("IK3-" + s.element(4), segmentInError + ": "
                                + SEGMENT_ERRORS.getOrDefault(s.element(4), "error " + s.element(4))));
                    }
                }
                case "IK4" -> {
                    String bad = s.element(4).isEmpty() ? "" : " (value '%s')".formatted(s.element(4));
                    errors.add(new Reason("IK4-" + s.element(3), "%s element %s: %s%s".formatted(segmentInError,
                            s.element(1), ELEMENT_ERRORS.getOrDefault(s.element(3), "error " + s.element(3)), bad)));
                }
                case "IK5" -> {
                    if (controlNumber == null) {
                        throw new UnreadableResponse(s.number(), "IK5 without the AK2 that names the acknowledged set");
                    }
                    String ik501 = s.element(1);
                    for (int i = 2; i <= Math.min(s.size(), 6); i++) {
                        String code = s.element(i);
                        if (!code.isEmpty()) {
                            errors.add(new Reason("IK5-" + code, SET_ERRORS.getOrDefault(code, "set error " + code)));
                        }
                    }
                    if (!List.of("A", "E", "R", "M", "W", "X").contains(ik501)) {
                        throw new UnreadableResponse(s.number(), "IK501 '%s' is not an acknowledgement code".formatted(ik501));
                    }
                    result.add(new SetAcknowledgement(controlNumber, "A".equals(ik501) || "E".equals(ik501), errors));
                    controlNumber = null;
                }
                default -> {
                }
            }
        }
        return result;
    }
}
