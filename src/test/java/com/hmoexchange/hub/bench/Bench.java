package com.hmoexchange.hub.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** What the benchmarks share: spreading work over client threads, and printing latency percentiles. */
final class Bench {

    private Bench() {
    }

    /** Runs task(0) … task(count - 1) on the given number of threads; the first failure is rethrown. */
    static void inParallel(int threads, int count, IntConsumer task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        task.accept(i);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Prints p50, p99 and max of latencies given in microseconds. */
    static void printLatencies(String what, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-14s p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms%n", what,
                sorted[sorted.length / 2] / 1000.0, sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1000.0,
                sorted[sorted.length - 1] / 1000.0);
    }
}
