package com.hmoexchange.hub.roster;

import com.hmoexchange.hub.enrollees.Relationship;
import com.hmoexchange.hub.responses.UnreadableResponse;
import com.hmoexchange.hub.responses.x12.Segment;
import com.hmoexchange.hub.responses.x12.SegmentReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an X12 834 benefit enrollment (005010X220A1) into roster rows, one per member loop (2000, from INS).
 * The envelope is checked by the hub's segment reader: a broken segment refuses the whole file. Within a
 * member: INS01 Y subscriber / N dependant, INS02 relationship (18 self, 01 spouse, 19 child), INS03 021
 * addition, 001 change, 024 termination, 030 audit (taken as an addition); REF*0F the subscriber's enrollee
 * number (for a dependant, the principal's); NM1*IL the name and, for a dependant, its own number in NM109
 * (qualifier MI or ZZ); DMG the date of birth; HD04 (or REF*1L) the plan code; DTP 348/356 cover start,
 * 349/357 cover end; NM1*P3 the primary provider's code in NM109.
 */
final class Roster834 {

    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private Roster834() {
    }

    /** A member loop being read. */
    private static final class Member {
        final String at;
        final int segment;
        String subscriber;
        String relationshipCode;
        String maintenance;
        String subscriberId;
        String ownId;
        String ownIdQualifier;
        String firstName;
        String lastName;
        LocalDate born;
        String plan;
        String group;
        String provider;
        LocalDate start;
        LocalDate end;
        String problem;

        Member(int segment) {
            this.segment = segment;
            this.at = "segment " + segment;
        }
    }

    static RosterFile read(InputStream in) {
        List<RosterRow> rows = new ArrayList<>();
        List<RosterFile.Refusal> refusals = new ArrayList<>();
        boolean any834 = false;
        try (SegmentReader reader = new SegmentReader(in)) {
            Member member = null;
            for (Segment s = reader.next(); s != null; s = reader.next()) {
                switch (s.tag()) {
                    case "ST" -> {
                        finish(member, rows, refusals);
                        member = null;
                        if (!"834".equals(s.element(1))) {
                            return RosterFile.unreadable(RosterFile.Format.X12_834, "segment " + s.number(), "ST01 is '"
                                    + s.element(1) + "': this is not an 834 benefit enrollment. Nothing was applied.");
                        }
                        any834 = true;
                    }
                    case "INS" -> {
                        finish(member, rows, refusals);
                        member = new Member(s.number());
                        member.subscriber = s.element(1);
                        member.relationshipCode = s.element(2);
                        member.maintenance = s.element(3);
                    }
                    case "SE", "GE", "IEA" -> {
                        finish(member, rows, refusals);
                        member = null;
                    }
                    default -> {
                        if (member != null) {
                            take(member, s);
                        }
                    }
                }
            }
            finish(member, rows, refusals);
        } catch (UnreadableResponse e) {
            return RosterFile.unreadable(RosterFile.Format.X12_834, "segment " + e.line(), e.getMessage()
                    + ". Fix the file and send it whole again; nothing was applied.");
        } catch (IOException e) {
            return RosterFile.unreadable(RosterFile.Format.X12_834, "file", "The file cannot be read to its end. Nothing was applied.");
        }
        if (!any834) {
            return RosterFile.unreadable(RosterFile.Format.X12_834, "file", "No 834 transaction (ST*834) in the interchange. Nothing was applied.");
        }
        return new RosterFile(RosterFile.Format.X12_834, rows, refusals);
    }

    private static void take(Member m, Segment s) {
        switch (s.tag()) {
            case "REF" -> {
                if ("0F".equals(s.element(1))) {
                    m.subscriberId = s.element(2);
                } else if ("1L".equals(s.element(1))) {
                    m.group = s.element(2);
                }
            }
            case "NM1" -> {
                if ("IL".equals(s.element(1))) {
                    m.lastName = s.element(3);
                    m.firstName = s.element(4);
                    m.ownIdQualifier = s.element(8);
                    m.ownId = s.element(9);
                } else if ("P3".equals(s.element(1))) {
                    m.provider = s.element(9);
                }
            }
            case "DMG" -> m.born = date(m, s, 2);
            case "HD" -> {
                if (!s.element(4).isEmpty()) {
                    m.plan = s.element(4);
                }
            }
            case "DTP" -> {
                switch (s.element(1)) {
                    case "348", "356" -> m.start = m.start == null || "348".equals(s.element(1)) ? date(m, s, 3) : m.start;
                    case "349", "357" -> m.end = m.end == null || "349".equals(s.element(1)) ? date(m, s, 3) : m.end;
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
    }

    private static LocalDate date(Member m, Segment s, int position) {
        String text = s.element(position);
        try {
            return LocalDate.parse(text, D8);
        } catch (DateTimeParseException e) {
            if (m.problem == null) {
                m.problem = "%s%02d '%s' (segment %d) is not a date; write it as CCYYMMDD".formatted(s.tag(), position, text, s.number());
            }
            return null;
        }
    }

    private static void finish(Member m, List<RosterRow> rows, List<RosterFile.Refusal> refusals) {
        if (m == null) {
            return;
        }
        try {
            rows.add(row(m));
        } catch (IllegalArgumentException e) {
            refusals.add(new RosterFile.Refusal(m.at, e.getMessage()));
        }
    }

    private static RosterRow row(Member m) {
        if (m.problem != null) {
            throw new IllegalArgumentException(m.problem);
        }
        Maintenance action = switch (m.maintenance) {
            case "021", "030" -> Maintenance.ADD;
            case "001" -> Maintenance.CHANGE;
            case "024" -> Maintenance.TERMINATE;
            default -> throw new IllegalArgumentException("INS03 '" + m.maintenance
                    + "' is not a maintenance the hub takes: 021 addition, 001 change, 024 termination, 030 audit");
        };
        boolean subscriber = "Y".equals(m.subscriber);
        Relationship relationship = switch (m.relationshipCode) {
            case "18" -> Relationship.SELF;
            case "01" -> Relationship.SPOUSE;
            case "19" -> Relationship.CHILD;
            default -> throw new IllegalArgumentException("INS02 '" + m.relationshipCode
                    + "' is not a relationship the hub covers: 18 self, 01 spouse, 19 child");
        };
        if (subscriber != (relationship == Relationship.SELF)) {
            throw new IllegalArgumentException("INS01 '" + m.subscriber + "' and INS02 '" + m.relationshipCode
                    + "' disagree: a subscriber (Y) is 18 self, a dependant (N) is 01 spouse or 19 child");
        }
        if (blank(m.subscriberId)) {
            throw new IllegalArgumentException("REF*0F (the subscriber's enrollee number) is missing");
        }
        boolean ownIdTaken = "MI".equals(m.ownIdQualifier) || "ZZ".equals(m.ownIdQualifier);
        String number;
        if (subscriber) {
            if (ownIdTaken && !blank(m.ownId) && !m.ownId.equals(m.subscriberId)) {
                throw new IllegalArgumentException("NM109 '" + m.ownId + "' and REF*0F '" + m.subscriberId
                        + "' name two different numbers for one subscriber");
            }
            number = m.subscriberId;
        } else {
            if (!ownIdTaken || blank(m.ownId)) {
                throw new IllegalArgumentException("A dependant's own enrollee number goes in NM1*IL NM109 with NM108 MI or ZZ");
            }
            number = m.ownId;
        }
        if (action == Maintenance.TERMINATE) {
            if (m.end == null) {
                throw new IllegalArgumentException("A termination (INS03 024) needs DTP*349 or DTP*357, the last day covered");
            }
            return new RosterRow(m.at, action, number, subscriber ? null : m.subscriberId, relationship, null, null, null,
                    null, null, null, m.end);
        }
        if (blank(m.lastName) || blank(m.firstName)) {
            throw new IllegalArgumentException("NM1*IL needs the member's last name (NM103) and first name (NM104)");
        }
        if (m.born == null) {
            throw new IllegalArgumentException("DMG*D8 with the date of birth is missing");
        }
        if (m.start == null) {
            throw new IllegalArgumentException("DTP*348 (or DTP*356), the first day covered, is missing");
        }
        if (m.end != null && m.end.isBefore(m.start)) {
            throw new IllegalArgumentException("The cover ends (" + m.end + ") before it starts (" + m.start + ")");
        }
        String plan = m.plan != null ? m.plan : m.group;
        if (subscriber && blank(plan)) {
            throw new IllegalArgumentException("No plan: give the plan code in HD04 (or REF*1L)");
        }
        return new RosterRow(m.at, action, number, subscriber ? null : m.subscriberId, relationship, m.firstName,
                m.lastName, m.born, plan, blank(m.provider) ? null : m.provider, m.start, m.end);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
