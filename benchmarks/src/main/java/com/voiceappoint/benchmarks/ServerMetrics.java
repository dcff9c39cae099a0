package com.voiceappoint.benchmarks;

import java.util.Map;
import java.util.TreeMap;

/**
 * Two scrapes of the server's /metrics, and what happened between them: how many requests of a series, how many
 * within each latency bucket, and the bookings by outcome. Server-side latency, to set beside what the load
 * generator saw from outside.
 */
record ServerMetrics(String before, String after) {

    /** The sum of every sample named {@code name} whose labels contain each of {@code labels}, between the scrapes. */
    double delta(String name, String... labels) {
        return sum(after, name, labels) - sum(before, name, labels);
    }

    /** Of the requests of a timer's series, the share answered within {@code seconds} (a bucket bound). */
    double shareWithin(String timer, String labels, String seconds) {
        double all = delta(timer + "_count", labels);
        return all == 0 ? Double.NaN : delta(timer + "_bucket", labels, "le=\"" + seconds + "\"") / all;
    }

    /** The smallest bucket bound within which 99 % of the series' requests were answered, in milliseconds. */
    double p99UpperBoundMillis(String timer, String labels) {
        return upperBoundMillis(timer, labels, 0.99);
    }

    /** The smallest bucket bound within which {@code share} of the series' samples fell, in milliseconds. */
    double upperBoundMillis(String timer, String labels, double share) {
        double all = delta(timer + "_count", labels);
        if (all == 0) {
            return Double.NaN; // no such series, or nothing in it: no figure rather than a flattering one
        }
        Map<Double, Double> buckets = new TreeMap<>();
        for (String line : after.split("\n")) {
            if (line.startsWith(timer + "_bucket{") && line.contains(labels)) {
                int le = line.indexOf("le=\"");
                String bound = line.substring(le + 4, line.indexOf('"', le + 4));
                if (!bound.equals("+Inf")) {
                    double seconds = Double.parseDouble(bound);
                    buckets.putIfAbsent(seconds, delta(timer + "_bucket", labels, "le=\"" + bound + "\""));
                }
            }
        }
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= share * all) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The value of a gauge at the second scrape (summed over its series). */
    double now(String name, String... labels) {
        return sum(after, name, labels);
    }

    private static double sum(String scrape, String name, String... labels) {
        double total = 0;
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean matches = true;
            for (String label : labels) {
                matches &= line.contains(label);
            }
            if (matches) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
