package com.smshub.routing.control;

import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** An account's provider settings as stored: a flat JSON object whose values are kept as text. */
public final class SettingsJson {

    private SettingsJson() {
    }

    public static Map<String, String> read(String json) {
        Map<String, String> settings = new TreeMap<>();
        if (json == null || json.isBlank()) {
            return settings;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((name, value) -> settings.put(name,
                    value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString() : value.toString()));
        }
        return settings;
    }

    public static String write(Map<String, String> settings) {
        if (settings.isEmpty()) {
            return null;
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        new TreeMap<>(settings).forEach(object::add);
        return object.build().toString();
    }
}
