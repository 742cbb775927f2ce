package dev.gwemu.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Serves the project {@link #api()} for the annotated test class; test methods may take a {@code Gwemu} parameter. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(GwemuExtension.class)
public @interface GwemuTest {
    /** The project file, relative to the working directory. */
    String api();

    /** The gateway clock's start as an ISO-8601 instant; empty: the real time. */
    String startTime() default "";

    /** Whether each test gets the gateway as just started (see {@code GwemuExtension.resettingBetweenTests()}). */
    boolean resetBetweenTests() default false;
}
