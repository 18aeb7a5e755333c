package org.pidlink.app.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart drawn by the template as inline SVG: the data (categories × series, stacked) and the geometry of its
 * bars, computed here so that the template only places shapes. The same numbers go into the table under the chart,
 * for screen readers and for copying.
 *
 * @param id          the element id (also names the SVG's title and description)
 * @param title       what the chart shows
 * @param description how the numbers were counted
 * @param unit        what one unit of a value is, e.g. "calls"
 * @param categories  one per bar: the label in the table and the bar's tooltip
 * @param axisLabels  short labels under the bars, one per category ("" where none is drawn, to avoid overlap)
 * @param series      the stacked parts of each bar, bottom first
 * @param values      per category, one value per series
 * @param logScale    a logarithmic value axis (one series only): ticks at 1, 10, 100, …, and a bar of 1 still shows
 */
public record BarChart(String id, String title, String description, String unit, List<String> categories,
                       List<String> axisLabels, List<Series> series, List<List<Long>> values, boolean logScale) {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 8;
    private static final int TOP = 12;
    private static final int BOTTOM = 64;

    public record Series(String name, String color) {
    }

    /** One rectangle: coordinates as SVG attribute text. */
    public record Bar(String x, String y, String width, String height, String color, String label) {
    }

    /** A value line across the plot, with its label at the left. */
    public record Tick(String y, String label) {
    }

    /** A label under a bar, slanted so that neighbours do not overlap. */
    public record AxisLabel(String x, String y, String text) {
        public String transform() {
            return "rotate(-30 " + x + " " + y + ")";
        }
    }

    public BarChart {
        categories = List.copyOf(categories);
        axisLabels = List.copyOf(axisLabels);
        series = List.copyOf(series);
        values = values.stream().map(List::copyOf).toList();
        if (categories.size() != values.size() || categories.size() != axisLabels.size()) {
            throw new IllegalArgumentException("one axis label and one row of values per category");
        }
        for (List<Long> row : values) {
            if (row.size() != series.size()) {
                throw new IllegalArgumentException("one value per series in every category");
            }
        }
        if (logScale && series.size() != 1) {
            throw new IllegalArgumentException("a chart on a log scale stacks nothing: one series only");
        }
    }

    /** A chart on a linear value axis. */
    public BarChart(String id, String title, String description, String unit, List<String> categories,
                    List<String> axisLabels, List<Series> series, List<List<Long>> values) {
        this(id, title, description, unit, categories, axisLabels, series, values, false);
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public long total(int category) {
        return values.get(category).stream().mapToLong(Long::longValue).sum();
    }

    public long grandTotal() {
        long sum = 0;
        for (int i = 0; i < categories.size(); i++) {
            sum += total(i);
        }
        return sum;
    }

    /** The top of the value axis: the largest bar rounded up to 1, 2 or 5 times a power of ten. */
    public long scaleMax() {
        long max = 0;
        for (int i = 0; i < categories.size(); i++) {
            max = Math.max(max, total(i));
        }
        long step = 1;
        if (logScale) {
            while (step < max) {
                step *= 10;
            }
            return step;
        }
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * step >= max) {
                    return Math.max(1, m * step);
                }
            }
            step *= 10;
        }
    }

    public List<Tick> ticks() {
        long max = scaleMax();
        List<Tick> ticks = new ArrayList<>();
        if (logScale) {
            ticks.add(new Tick(num(y(0)), "0"));
            for (long t = 1; t <= max; t *= 10) {
                ticks.add(new Tick(num(y(t)), String.format(Locale.ROOT, "%,d", t)));
            }
            return ticks;
        }
        for (int i = 0; i <= 4; i++) {
            // Integer ticks only: a chart of counts should not claim 2.5 calls.
            if (i > 0 && max * i % 4 != 0) {
                continue;
            }
            ticks.add(new Tick(num(y(max * i / 4.0)), Long.toString(max * i / 4)));
        }
        return ticks;
    }

    public List<Bar> bars() {
        double band = plotWidth() / Math.max(1, categories.size());
        double width = Math.max(1, band * 0.8);
        List<Bar> bars = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            double x = LEFT + c * band + (band - width) / 2;
            double below = 0;
            for (int s = 0; s < series.size(); s++) {
                long value = values.get(c).get(s);
                if (value == 0) {
                    continue;
                }
                double top = y(below + value);
                double bottom = y(below);
                bars.add(new Bar(num(x), num(top), num(width), num(bottom - top), series.get(s).color(),
                        categories.get(c) + ": " + value + " " + unit
                                + (series.size() > 1 ? " (" + series.get(s).name() + ")" : "")));
                below += value;
            }
        }
        return bars;
    }

    public List<AxisLabel> labels() {
        double band = plotWidth() / Math.max(1, categories.size());
        List<AxisLabel> labels = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            if (!axisLabels.get(c).isEmpty()) {
                labels.add(new AxisLabel(num(LEFT + c * band + band / 2), num(HEIGHT - BOTTOM + 14),
                        axisLabels.get(c)));
            }
        }
        return labels;
    }

    public String plotLeft() {
        return num(LEFT);
    }

    public String plotRight() {
        return num(WIDTH - RIGHT);
    }

    public String tickLabelX() {
        return num(LEFT - 6);
    }

    private double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private double y(double value) {
        double plotHeight = HEIGHT - TOP - BOTTOM;
        if (logScale) {
            // 0 at the axis, 1 one step up, then a step per power of ten.
            double steps = Math.log10(scaleMax()) + 1;
            double at = value < 1 ? 0 : Math.log10(value) + 1;
            return TOP + plotHeight - at / steps * plotHeight;
        }
        return TOP + plotHeight - value / scaleMax() * plotHeight;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
