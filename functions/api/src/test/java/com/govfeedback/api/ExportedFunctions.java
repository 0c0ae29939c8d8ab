package com.govfeedback.api;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.quarkus.funqy.Funq;

/** The {@code @Funq} methods, found by reading the compiled classes, independently of how the document is generated. */
final class ExportedFunctions {
    private ExportedFunctions() {
    }

    /** Every exported function, by path. */
    static List<Method> all() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(FeedbackFunctions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Method> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                for (Method method : Class.forName(name).getDeclaredMethods()) {
                    if (method.isAnnotationPresent(Funq.class)) {
                        found.add(method);
                    }
                }
            }
        }
        found.sort(Comparator.comparing(ExportedFunctions::path));
        return found;
    }

    static String path(Method function) {
        Funq funq = function.getAnnotation(Funq.class);
        return "/" + (funq.value().isEmpty() ? function.getName() : funq.value());
    }
}
