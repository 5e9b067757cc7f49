package io.cxtracker.persistence.support;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * The model maps no JSON columns. Outside WildFly the JSON-B API is on the test classpath without an
 * implementation, and Hibernate would fail looking for one; this mapper says there is nothing to map.
 */
public class NoJsonFormatMapper implements FormatMapper {

    @Override
    public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        throw new UnsupportedOperationException("the model has no JSON columns");
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        throw new UnsupportedOperationException("the model has no JSON columns");
    }
}
