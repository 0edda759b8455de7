package dev.warden.streams;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * A record that is not valid JSON must not stop alarms for everybody: it is skipped. Kafka Streams
 * itself logs the skip with topic, partition, offset and the cause (never the payload) and counts it
 * in the dropped-records metric, so this handler adds no log line of its own.
 */
public final class LogAndSkipDeserializationHandler implements DeserializationExceptionHandler {

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return Response.resume();
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
