package com.govfeedback.triage.bench;

import com.govfeedback.triage.Triage;
import com.govfeedback.triage.TriageResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Full triage (mask, normalise, classify, tag, sentiment, evidence) of 200-character texts on one thread. */
@State(Scope.Thread)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public class TriageBenchmark {
    private Triage triage;
    private String[] texts;
    private int next;

    @Setup
    public void setUp() {
        triage = Triage.loadDefault();
        texts = BenchmarkTexts.load(256);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public TriageResult throughput() {
        return triage.triage(texts[next++ & 255]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public TriageResult latency() {
        return triage.triage(texts[next++ & 255]);
    }
}
