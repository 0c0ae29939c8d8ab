package com.govfeedback.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes the stack offline the way the CDK CLI would: with cdk.json's feature flags as context, and placeholder
 * function.zip files (native ones hold a {@code bootstrap}, JVM ones a {@code lib/} jar) for the functions present.
 */
final class StackFixture {
    private StackFixture() {
    }

    record Synthesized(FeedbackStack stack, Template template) {
        Annotations annotations() {
            return Annotations.fromStack(stack);
        }
    }

    private static Synthesized allFunctions;

    /**
     * Resources of a type the service itself declares, without those of the console's publisher (the CDK's own
     * function that copies the console's files to its bucket).
     */
    static Map<String, Map<String, Object>> serviceResources(Template template, String type) {
        Map<String, Map<String, Object>> resources = new HashMap<>(template.findResources(type));
        resources.keySet().removeIf(logicalId -> logicalId.startsWith("CustomCDKBucketDeployment"));
        return resources;
    }

    /** The default stack (native, every function present), synthesized once and shared: tests only read it. */
    static synchronized Synthesized allFunctions() {
        if (allFunctions == null) {
            try {
                Path dir = Files.createTempDirectory("infra-test-zips");
                allFunctions = synth(dir, EnumSet.allOf(ServiceFunction.class), FunctionRuntime.NATIVE, Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return allFunctions;
    }

    static Synthesized synth(Path dir, Set<ServiceFunction> present, FunctionRuntime builtAs,
            Map<String, Object> context) {
        Map<String, Object> appContext = new HashMap<>(featureFlags());
        for (ServiceFunction function : ServiceFunction.values()) {
            Path zip = dir.resolve(function.module() + "-function.zip");
            if (present.contains(function)) {
                writeZip(zip, builtAs == FunctionRuntime.NATIVE ? "bootstrap" : "lib/placeholder.jar");
            }
            appContext.put(function.module() + "Zip", zip.toString());
        }
        appContext.putAll(context);
        App app = new App(AppProps.builder().context(appContext).build());
        FeedbackStack stack = new FeedbackStack(app, FeedbackApp.STACK_NAME, StackProps.builder().build(),
                StackConfig.fromContext(app.getNode()));
        return new Synthesized(stack, Template.fromStack(stack));
    }

    /** Only the CLI passes cdk.json to an app, so tests read its context (the feature flags) themselves. */
    private static Map<String, Object> featureFlags() {
        try {
            Map<String, Object> cdkJson = new ObjectMapper().readValue(Path.of("cdk.json").toFile(),
                    new TypeReference<Map<String, Object>>() {
                    });
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) cdkJson.get("context");
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeZip(Path zip, String entry) {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            zipOut.putNextEntry(new ZipEntry(entry));
            zipOut.write("placeholder".getBytes());
            zipOut.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
