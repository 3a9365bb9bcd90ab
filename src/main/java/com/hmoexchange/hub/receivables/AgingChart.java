package com.hmoexchange.hub.receivables;

import com.hmoexchange.hub.receivables.Figures.Party;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What is owed by age, one horizontal bar per payer (or practice) drawn by the page in SVG, as the operators'
 * dashboard draws its charts: no script, nothing from a CDN. Each bar is split into the four ages, scaled to
 * the largest total; the table beside it carries the same numbers for screen readers and for copying.
 */
record AgingChart(List<Row> rows, int height) {

    static final int WIDTH = 600;
    static final int LABEL = 170;
    static final int ROW = 28;
    static final int BAR = 18;
    static final String[] AGES = {"0–30 days", "31–60 days", "61–90 days", "over 90 days"};

    /** One segment of a bar: where it starts, how wide, and its age (0 to 3, for its colour). */
    record Segment(int x, int width, int age, String title) {
    }

    record Row(String label, int y, List<Segment> segments, String total) {
    }

    static AgingChart of(List<Party> parties) {
        BigDecimal largest = parties.stream().map(Party::owedTotal).reduce(BigDecimal.ZERO, BigDecimal::max);
        int span = WIDTH - LABEL - 90;
        List<Row> rows = new ArrayList<>();
        int y = 4;
        for (Party p : parties) {
            List<Segment> segments = new ArrayList<>();
            int x = LABEL;
            List<BigDecimal> amounts = p.owed().amounts();
            for (int age = 0; age < amounts.size(); age++) {
                BigDecimal amount = amounts.get(age);
                int width = largest.signum() == 0 ? 0
                        : amount.multiply(BigDecimal.valueOf(span)).divide(largest, 0, RoundingMode.HALF_UP).intValue();
                if (width > 0) {
                    segments.add(new Segment(x, width, age, AGES[age] + ": " + Presentation.money(amount, p.currency())));
                }
                x += width;
            }
            rows.add(new Row(p.name(), y, segments, Presentation.money(p.owedTotal(), p.currency())));
            y += ROW;
        }
        return new AgingChart(rows, Math.max(y, ROW));
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + height;
    }

    public int barHeight() {
        return BAR;
    }

    public int labelX() {
        return LABEL - 8;
    }
}
