package org.pidlink.app.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem types a REST operation answers with, besides those every API-key operation may answer (missing or
 * invalid key, not stored). The OpenAPI document lists them as {@code application/problem+json} responses, each
 * with its {@code type}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProblemResponses {

    ProblemType[] value();
}
