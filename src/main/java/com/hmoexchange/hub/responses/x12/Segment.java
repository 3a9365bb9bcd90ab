package com.hmoexchange.hub.responses.x12;

import com.hmoexchange.hub.responses.Amounts;
import com.hmoexchange.hub.responses.UnreadableResponse;
import java.math.BigDecimal;
import java.util.List;

/**
 * One X12 segment as read: its tag, its number in the interchange (for error reports) and its elements,
 * each a list of components (a simple element has one). Element 1 is the first after the tag, as the
 * X12 guides number them (CLP01, CLP02...).
 */
public record Segment(String tag, int number, List<List<String>> elements) {

    /** The element's text, or its first component for a composite; "" when absent. */
    public String element(int position) {
        return component(position, 1);
    }

    public String component(int position, int component) {
        if (position < 1 || position > elements.size()) {
            return "";
        }
        List<String> components = elements.get(position - 1);
        return component <= components.size() ? components.get(component - 1) : "";
    }

    public int size() {
        return elements.size();
    }

    public boolean is(String expectedTag) {
        return tag.equals(expectedTag);
    }

    /** A required amount (X12 type R: a decimal, maybe signed). */
    public BigDecimal amount(int position) throws UnreadableResponse {
        String text = element(position);
        if (text.isEmpty()) {
            throw new UnreadableResponse(number, "%s%02d (an amount) is missing".formatted(tag, position));
        }
        return parse(position, text);
    }

    /** An amount that may be absent: zero when it is. */
    public BigDecimal amountOrZero(int position) throws UnreadableResponse {
        String text = element(position);
        return text.isEmpty() ? BigDecimal.ZERO : parse(position, text);
    }

    /** An amount that may be absent: null when it is. */
    public BigDecimal amountOrNull(int position) throws UnreadableResponse {
        String text = element(position);
        return text.isEmpty() ? null : parse(position, text);
    }

    private BigDecimal parse(int position, String text) throws UnreadableResponse {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new UnreadableResponse(number, "%s%02d '%s' is not an amount".formatted(tag, position, text));
        }
        String problem = Amounts.problem(amount);
        if (problem != null) {
            throw new UnreadableResponse(number, "%s%02d '%s' %s".formatted(tag, position, text, problem));
        }
        return amount;
    }

    public Integer wholeNumberOrNull(int position) throws UnreadableResponse {
        String text = element(position);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new UnreadableResponse(number, "%s%02d '%s' is not a whole number".formatted(tag, position, text));
        }
    }
}
