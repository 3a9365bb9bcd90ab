package com.hmoexchange.hub.operations;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A payer's last 24 hours as bars drawn by the page in SVG (no script, nothing from a CDN): per hour,
 * sends that worked (bottom) and that failed or were refused (on top), scaled to the busiest hour.
 */
public record HourlyChart(List<Bar> bars, long peak) {

    public static final int WIDTH = 288;
    public static final int HEIGHT = 60;
    private static final int BAR = WIDTH / 24;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00").withZone(ZoneOffset.UTC);

    /** One hour's bar: x, and for each part its top and height in the chart's units. */
    public record Bar(int x, int okY, int okHeight, int badY, int badHeight, String title) {
    }

    /** counts: per hour (epoch hour number), {delivered, failed}. */
    static HourlyChart of(Instant now, Map<Long, long[]> counts) {
        long lastHour = now.truncatedTo(ChronoUnit.HOURS).getEpochSecond() / 3600;
        long peak = 1;
        for (long[] c : counts.values()) {
            peak = Math.max(peak, c[0] + c[1]);
        }
        List<Bar> bars = new ArrayList<>(24);
        for (int i = 0; i < 24; i++) {
            long hour = lastHour - 23 + i;
            long[] c = counts.getOrDefault(hour, new long[2]);
            int ok = (int) Math.round((double) HEIGHT * c[0] / peak);
            int bad = (int) Math.round((double) HEIGHT * c[1] / peak);
            bars.add(new Bar(i * BAR, HEIGHT - ok, ok, HEIGHT - ok - bad, bad,
                    HOUR.format(Instant.ofEpochSecond(hour * 3600)) + " UTC: " + c[0] + " delivered, " + c[1] + " failed"));
        }
        return new HourlyChart(bars, peak);
    }

    /** The SVG's coordinate box: 24 bars across, the busiest hour's height up. */
    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public int barWidth() {
        return BAR - 2;
    }
}
