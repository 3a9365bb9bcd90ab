package com.hmoexchange.hub.responses.x12;

import com.hmoexchange.hub.responses.UnreadableResponse;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls an X12 interchange one segment at a time (StAEDI underneath), so a large remittance never sits in
 * memory whole. StAEDI checks the envelope (ISA/GS/ST counts and control numbers); any error it reports makes
 * the document unreadable, with the segment where it happened, except a malformed envelope time stamp.
 */
public final class SegmentReader implements Closeable {

    private static final EDIInputFactory FACTORY = EDIInputFactory.newFactory();

    private final EDIStreamReader reader;

    public SegmentReader(InputStream in) throws UnreadableResponse {
        try {
            this.reader = FACTORY.createEDIStreamReader(in);
        } catch (RuntimeException e) {
            throw new UnreadableResponse(0, "Not an X12 interchange: " + e.getMessage(), e);
        }
    }

    /** The next segment, or null at the end of the input. */
    public Segment next() throws UnreadableResponse {
        String tag = null;
        int number = 0;
        List<List<String>> elements = new ArrayList<>();
        try {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                Location at = reader.getLocation();
                if (event.isError() && !isHarmlessEnvelopeStamp(at, reader.getErrorType())) {
                    throw new UnreadableResponse(at.getSegmentPosition(), "%s in segment %s%s".formatted(
                            describe(reader.getErrorType().name()), at.getSegmentTag(),
                            at.getElementPosition() > 0 ? " element " + at.getElementPosition() : ""));
                }
                switch (event) {
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        number = at.getSegmentPosition();
                        elements = new ArrayList<>();
                    }
                    case ELEMENT_DATA -> {
                        if (at.getElementOccurrence() > 1) {
                            continue; // repeated values: the first occurrence is the one the hub reads
                        }
                        int position = at.getElementPosition();
                        int component = Math.max(at.getComponentPosition(), 1);
                        while (elements.size() < position) {
                            elements.add(new ArrayList<>());
                        }
                        List<String> components = elements.get(position - 1);
                        while (components.size() < component - 1) {
                            components.add("");
                        }
                        components.add(reader.getText());
                    }
                    case END_SEGMENT -> {
                        return new Segment(tag, number, elements);
                    }
                    default -> {
                    }
                }
            }
            return null;
        } catch (EDIStreamException e) {
            Location at = e.getLocation();
            throw new UnreadableResponse(at == null ? 0 : at.getSegmentPosition(), "Broken X12: " + e.getMessage(), e);
        }
    }

    /** The interchange's own date and time stamps (ISA09/10, GS04/05) say nothing about claims or money. */
    private static boolean isHarmlessEnvelopeStamp(Location at, EDIStreamValidationError error) {
        return (error == EDIStreamValidationError.INVALID_DATE || error == EDIStreamValidationError.INVALID_TIME)
                && ("ISA".equals(at.getSegmentTag()) || "GS".equals(at.getSegmentTag()));
    }

    private static String describe(String errorType) {
        String words = errorType.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
