package dev.smstrack.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Stores instants as epoch milliseconds. Connector/J drops fractional seconds when it talks to
 * MariaDB, and status ordering needs milliseconds: a BIGINT is exact on every database.
 */
@Converter(autoApply = true)
public class InstantAsEpochMillis implements AttributeConverter<Instant, Long> {

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    @Override
    public Instant convertToEntityAttribute(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
