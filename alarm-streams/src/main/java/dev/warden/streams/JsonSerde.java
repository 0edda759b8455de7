package dev.warden.streams;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.warden.events.CloudEvent;
import dev.warden.events.EventJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one serde of the topology's values: the contract's JSON ({@link EventJson}) for the events in
 * and out, and the same for its store. A value that is not valid JSON for the type fails with a
 * {@link SerializationException}, which the streams app turns into "log and skip" (see
 * {@link LogAndSkipDeserializationHandler}).
 */
public final class JsonSerde<T> implements Serde<T> {
    private final JavaType type;

    private JsonSerde(JavaType type) {
        this.type = type;
    }

    /** Events whose {@code data} has the given type. */
    public static <D> JsonSerde<CloudEvent<D>> cloudEvents(Class<D> dataType) {
        return new JsonSerde<>(EventJson.cloudEventOf(dataType));
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(EventJson.typeOf(type));
    }

    public static <T> JsonSerde<T> of(TypeReference<T> type) {
        return new JsonSerde<>(EventJson.typeOf(type));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return EventJson.writeBytes(value);
            } catch (IllegalStateException e) {
                throw new SerializationException(e.getMessage(), e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return EventJson.read(bytes, type);
            } catch (EventJson.MalformedJson e) {
                throw new SerializationException(e.getMessage(), e);
            }
        };
    }
}
