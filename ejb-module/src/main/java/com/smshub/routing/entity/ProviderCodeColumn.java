package com.smshub.routing.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.smshub.kernel.ProviderCode;

/** A provider's code in a column as it is written on the wire: {@code MASIV}. */
@Converter
public class ProviderCodeColumn implements AttributeConverter<ProviderCode, String> {

    @Override
    public String convertToDatabaseColumn(ProviderCode code) {
        return code == null ? null : code.name();
    }

    @Override
    public ProviderCode convertToEntityAttribute(String column) {
        return column == null ? null : ProviderCode.valueOf(column);
    }
}
