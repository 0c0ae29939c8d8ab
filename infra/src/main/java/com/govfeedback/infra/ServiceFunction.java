package com.govfeedback.infra;

import java.nio.file.Path;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The three Lambda functions, each a Quarkus module under functions/ that packages to target/function.zip, with its
 * sizing for the native and the JVM build (a JVM needs more memory to start fast enough).
 */
public enum ServiceFunction {
    /** The HTTP API. 15 s leaves room under the HTTP API's 30 s integration limit. */
    API("api", "Api", new FunctionSettings(512, Duration.seconds(15), 50, RetentionDays.ONE_MONTH), 1024),
    /** The SLA sweep, every minute. It stops itself before 50 s, so runs rarely overlap (they are safe if they do). */
    SWEEP("sweep", "Sweep", new FunctionSettings(512, Duration.seconds(50), 2, RetentionDays.TWO_WEEKS), 1024),
    /** The stream-fed notifier; its concurrency is bounded by the stream's shards anyway. */
    NOTIFIER("notifier", "Notifier", new FunctionSettings(256, Duration.seconds(60), 10, RetentionDays.ONE_MONTH), 1024);

    private final String module;
    private final String constructId;
    private final FunctionSettings nativeSettings;
    private final int jvmMemoryMb;

    ServiceFunction(String module, String constructId, FunctionSettings nativeSettings, int jvmMemoryMb) {
        this.module = module;
        this.constructId = constructId;
        this.nativeSettings = nativeSettings;
        this.jvmMemoryMb = jvmMemoryMb;
    }

    /** The module name under functions/, also the context key prefix ({@code apiZip}) and the handler name. */
    public String module() {
        return module;
    }

    public String constructId() {
        return constructId;
    }

    /** Where {@code make package} leaves the zip, relative to infra/ (where the CDK app runs). */
    public Path defaultZip() {
        return Path.of("..", "functions", module, "target", "function.zip");
    }

    public FunctionSettings settings(FunctionRuntime runtime) {
        if (runtime == FunctionRuntime.NATIVE) {
            return nativeSettings;
        }
        return new FunctionSettings(jvmMemoryMb, nativeSettings.timeout(), nativeSettings.reservedConcurrency(),
                nativeSettings.logRetention());
    }
}
