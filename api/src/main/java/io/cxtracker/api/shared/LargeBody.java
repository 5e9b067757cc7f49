package io.cxtracker.api.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bulk endpoint: its JSON body may be as large as {@code cx.api.max-bulk-body-bytes} (default
 * {@value BodyLimitFilter#DEFAULT_BULK_LIMIT} bytes) instead of {@code cx.api.max-body-bytes}
 * (default {@value BodyLimitFilter#DEFAULT_LIMIT}). See {@link BodyLimitFilter}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LargeBody {
}
