package com.govfeedback.infra;

import software.amazon.awscdk.services.lambda.Runtime;

/**
 * How a Quarkus function.zip runs on Lambda: a GraalVM native executable on the OS-only runtime (the default),
 * or the JVM build on the managed Java runtime. The zip's layout must match (see {@link FunctionArtifact}).
 */
public enum FunctionRuntime {
    /** The zip holds a {@code bootstrap} executable; Lambda ignores the handler string, yet requires one. */
    NATIVE(Runtime.PROVIDED_AL2023, "not.used.in.provided.runtime"),
    /** The zip holds {@code lib/*.jar}; Quarkus's stream handler dispatches to the function. */
    JVM(Runtime.JAVA_21, "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");

    private final Runtime lambdaRuntime;
    private final String handler;

    FunctionRuntime(Runtime lambdaRuntime, String handler) {
        this.lambdaRuntime = lambdaRuntime;
        this.handler = handler;
    }

    public Runtime lambdaRuntime() {
        return lambdaRuntime;
    }

    public String handler() {
        return handler;
    }

    /** Reads the {@code runtime} context value: {@code native} (also when absent) or {@code jvm}. */
    public static FunctionRuntime fromContext(String value) {
        if (value == null || value.equals("native")) {
            return NATIVE;
        }
        if (value.equals("jvm")) {
            return JVM;
        }
        throw new IllegalArgumentException("context runtime must be native or jvm, was: " + value);
    }
}
