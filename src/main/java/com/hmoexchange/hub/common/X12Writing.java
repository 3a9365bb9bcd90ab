package com.hmoexchange.hub.common;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.util.Locale;

/** Writing X12 segments with StAEDI, the same way for every transaction set the hub writes (837P, 270, the sandbox's 271). */
public final class X12Writing {

    private X12Writing() {
    }

    /** One segment; trailing empty elements are left out, as X12 wants, and inner empty ones kept in place. */
    public static void segment(EDIStreamWriter w, String tag, String... elements) throws EDIStreamException {
        w.writeStartSegment(tag);
        int last = elements.length;
        while (last > 0 && elements[last - 1].isEmpty()) {
            last--;
        }
        for (int i = 0; i < last; i++) {
            if (elements[i].isEmpty()) {
                w.writeEmptyElement();
            } else {
                w.writeElement(elements[i]);
            }
        }
        w.writeEndSegment();
    }

    /** X12 text: upper case, and none of the delimiters (* ~ : ^) inside a value. */
    public static String text(String value) {
        return value == null ? "" : id(value.toUpperCase(Locale.ROOT));
    }

    /** An identifier as its owner wrote it (case kept: enrollee numbers are read as written), without the delimiters. */
    public static String id(String value) {
        return value == null ? "" : value.replaceAll("[*~:^]", " ").trim();
    }

    /** A fixed-width ISA field: cut or padded with spaces to {@code width}. */
    public static String pad(String value, int width) {
        String cut = value.length() > width ? value.substring(0, width) : value;
        return cut + " ".repeat(width - cut.length());
    }
}
