package com.govfeedback.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the OpenAPI document says of a function beyond its types: read at build time by
 * {@link FunctionsOpenApi}, so the document is generated from the code it describes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiDoc {
    String summary();

    /** The roles that may call it; empty for a public operation. */
    String[] roles() default {};

    /** The error statuses it can answer besides the ones every operation can (400, 413, 500, 503). */
    int[] errors() default {};
}
