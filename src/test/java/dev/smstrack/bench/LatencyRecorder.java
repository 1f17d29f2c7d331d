package dev.smstrack.bench;

import java.util.Arrays;

/** Latencies of one sender thread, in microseconds; merged and ranked at the end. */
final class LatencyRecorder {

    private long[] micros = new long[1 << 14];
    private int count;

    void record(long value) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = value;
    }

    static long[] merged(Iterable<LatencyRecorder> recorders) {
        int total = 0;
        for (LatencyRecorder recorder : recorders) {
            total += recorder.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder recorder : recorders) {
            System.arraycopy(recorder.micros, 0, all, at, recorder.count);
            at += recorder.count;
        }
        Arrays.sort(all);
        return all;
    }

    /** The latency at the given percentile (0–100), in milliseconds. */
    static double percentileMillis(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
    }
}
