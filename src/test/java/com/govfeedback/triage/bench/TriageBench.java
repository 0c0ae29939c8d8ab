package com.govfeedback.triage.bench;

import com.govfeedback.triage.Triage;
import java.lang.ref.Reference;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code make bench}: measures the model's retained heap and load time in this fresh JVM, then runs
 * {@link TriageBenchmark} and prints classifications/s, p99 latency and the targets they are held to.
 */
public final class TriageBench {
    private TriageBench() {
    }

    public static void main(String[] args) throws RunnerException {
        long before = usedHeapAfterGc();
        long started = System.nanoTime();
        Triage triage = Triage.loadDefault();
        double loadMillis = (System.nanoTime() - started) / 1e6;
        double heapMb = (usedHeapAfterGc() - before) / (1024.0 * 1024.0);
        Reference.reachabilityFence(triage);
        started = System.nanoTime();
        Triage.loadDefault();
        double reloadMillis = (System.nanoTime() - started) / 1e6;

        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(TriageBenchmark.class.getName()).build()).run();
        double perSecond = 0;
        double p99Micros = 0;
        for (RunResult result : results) {
            if (result.getParams().getBenchmark().endsWith("throughput")) {
                perSecond = result.getPrimaryResult().getScore();
            } else {
                p99Micros = result.getPrimaryResult().getStatistics().getPercentile(99);
            }
        }
        System.out.printf(Locale.ROOT, "%ntriage bench (200-character texts, one thread)%n");
        System.out.printf(Locale.ROOT, "load time        %8.0f ms   (cold JVM, incl. class loading; again: %.0f ms)%n",
                loadMillis, reloadMillis);
        System.out.printf(Locale.ROOT, "retained heap    %8.1f MB   (target < 50 MB)%n", heapMb);
        System.out.printf(Locale.ROOT, "throughput       %8.0f /s   (target >= 20000/s)%n", perSecond);
        System.out.printf(Locale.ROOT, "p99 latency      %8.1f us   (target < 1000 us)%n", p99Micros);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
