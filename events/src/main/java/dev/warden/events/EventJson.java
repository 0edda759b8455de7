package dev.warden.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;

/**
 * The one JSON mapping of the contract: what the service writes and the alarm topology reads, and
 * the other way round. Compact UTF-8 JSON, fields in the order the records declare them, times as
 * ISO-8601 UTC text ({@code Instant.toString()}). Reading ignores fields it does not know (a newer
 * producer may add some) and converts nothing: a number is not taken for a string, nor a string
 * or a fraction for a whole number, and a number the type requires may not be missing.
 */
public final class EventJson {
    // Field names are not canonicalized: the topology's store value is keyed by session ids, and
    // Jackson's shared name table grew by every new id, copied itself on parse after parse and
    // interned each name (the largest cost of the stream thread, docs/benchmarks.md section 3).
    private static final ObjectMapper MAPPER = strict(new ObjectMapper(JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build())
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("warden-instants")
                    .addDeserializer(Instant.class, new CanonicalInstantDeserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES));

    /** A value that is not JSON of the expected shape; the message names the problem, never the whole value. */
    public static final class MalformedJson extends IllegalArgumentException {
        MalformedJson(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private EventJson() {
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** An event (or any value of the contract) as one line of JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The same as {@link #write}, as UTF-8 bytes. */
    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * An event whose {@code data} has the given type; null for the JSON text {@code null}.
     *
     * @throws MalformedJson when the text is not JSON, or not of that shape
     */
    public static <D> CloudEvent<D> read(String json, Class<D> dataType) {
        try {
            return MAPPER.readValue(json, cloudEventOf(dataType));
        } catch (JsonProcessingException e) {
            throw malformed(cloudEventOf(dataType), e);
        }
    }

    /**
     * A value of the given type from UTF-8 JSON; null for the JSON text {@code null}.
     *
     * @throws MalformedJson when the bytes are not JSON, or not of that shape
     */
    public static <T> T read(byte[] json, JavaType type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw malformed(type, e);
        }
    }

    /** The type of an event whose {@code data} has the given type, for {@link #read(byte[], JavaType)}. */
    public static JavaType cloudEventOf(Class<?> dataType) {
        return MAPPER.getTypeFactory().constructParametricType(CloudEvent.class, dataType);
    }

    /** Any other type the mapping reads, for {@link #read(byte[], JavaType)} (the topology's store uses it too). */
    public static JavaType typeOf(Class<?> type) {
        return MAPPER.constructType(type);
    }

    /** The same for a generic type. */
    public static JavaType typeOf(TypeReference<?> type) {
        return MAPPER.constructType(type);
    }

    private static MalformedJson malformed(JavaType type, IOException e) {
        // The original message names the problem without the location's excerpt of the input.
        String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        return new MalformedJson("not a valid " + type.getRawClass().getSimpleName() + " JSON value: " + detail, e);
    }
}
