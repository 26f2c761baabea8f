package com.smshub.provider.mobipace.json;

import java.io.StringReader;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.stream.JsonParser;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

/**
 * Writes MOBIPACE requests and reads its answers. Reading first normalises the document with JSON-P and
 * then binds it with JSON-B: keys are trimmed and matched to the records' spelling whatever their case,
 * known misspellings are mapped, string values are trimmed, and a number sent as a string is read as a
 * number by JSON-B. A document that is not well-formed JSON, or nested deeper than any of MOBIPACE's, is rejected,
 * never repaired. Thread-safe; one instance
 * serves the whole application.
 */
public final class MobipaceJson implements AutoCloseable {

    /** Keys as MOBIPACE's traffic may spell them, mapped onto the records' spelling. */
    private static final Map<String, String> KEY_ALIASES = Map.of(
            "balacenegativelimit", "BalanceNegativeLimit");

    private static final java.util.Set<String> KNOWN_KEYS = java.util.Set.of(
            "Username", "Password", "StatusCode", "Status", "SessionId", "ScheduledDate", "SendWithinHours",
            "IsWapPush", "Sender", "Messages", "Recipient", "Body", "Reference", "MessageCount", "PartCount",
            "AveragePrice", "TotalPrice", "References", "MessageStatuses", "Balance", "BalanceNegativeLimit",
            "AvailableFund");

    private static final Map<String, String> CANONICAL_KEYS = canonicalKeys();

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    /** The JSON text of a request record. */
    public String write(Object request) {
        return jsonb.toJson(request);
    }

    /**
     * Reads an answer or a request.
     *
     * @throws MalformedMobipaceJsonException when the text is not well-formed JSON or does not fit the type
     */
    public <T> T read(String json, Class<T> type) {
        checkDepth(json);
        JsonValue parsed;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            parsed = reader.readValue();
        } catch (JsonException e) {
            throw new MalformedMobipaceJsonException("Not well-formed JSON: " + e.getMessage(), e);
        }
        try {
            return jsonb.fromJson(normalise(parsed).toString(), type);
        } catch (JsonbException e) {
            throw new MalformedMobipaceJsonException("JSON does not fit " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * MOBIPACE's documents nest three deep (an answer, its list, an entry); one nested deeper than
     * {@link #MOST_DEPTH} is refused before a tree of it is built, so a hostile peer cannot exhaust the stack.
     */
    static final int MOST_DEPTH = 16;

    private static void checkDepth(String json) {
        int depth = 0;
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    if (++depth > MOST_DEPTH) {
                        throw new MalformedMobipaceJsonException("JSON nested deeper than " + MOST_DEPTH + " levels", null);
                    }
                } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    depth--;
                }
            }
        } catch (JsonException e) {
            throw new MalformedMobipaceJsonException("Not well-formed JSON: " + e.getMessage(), e);
        }
    }

    static JsonValue normalise(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT:
                JsonObjectBuilder object = Json.createObjectBuilder();
                for (Map.Entry<String, JsonValue> entry : ((JsonObject) value).entrySet()) {
                    object.add(canonicalKey(entry.getKey()), normalise(entry.getValue()));
                }
                return object.build();
            case ARRAY:
                JsonArrayBuilder array = Json.createArrayBuilder();
                for (JsonValue item : (JsonArray) value) {
                    array.add(normalise(item));
                }
                return array.build();
            case STRING:
                // JSON-B reads a number sent as a string ("1300.30") once it is stripped
                return Json.createValue(((JsonString) value).getString().strip());
            default:
                return value;
        }
    }

    private static String canonicalKey(String key) {
        String folded = key.strip().toLowerCase(java.util.Locale.ROOT);
        String alias = KEY_ALIASES.get(folded);
        if (alias != null) {
            return alias;
        }
        return CANONICAL_KEYS.getOrDefault(folded, key.strip());
    }

    private static Map<String, String> canonicalKeys() {
        Map<String, String> keys = new java.util.HashMap<>();
        for (String key : KNOWN_KEYS) {
            keys.put(key.toLowerCase(java.util.Locale.ROOT), key);
        }
        return Map.copyOf(keys);
    }

    @Override
    public void close() throws Exception {
        jsonb.close();
    }
}
