package dev.gwemu.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test method's {@code URI} or {@code String} parameter: where a stage of an API is served, e.g.
 * {@code http://127.0.0.1:54321/dev/} (see {@code Gwemu.baseUrl}).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface GwemuBaseUrl {
    /** The API's name in api.yaml; empty: the first API. */
    String api() default "";

    /** The stage; empty: the API's first stage. */
    String stage() default "";
}
