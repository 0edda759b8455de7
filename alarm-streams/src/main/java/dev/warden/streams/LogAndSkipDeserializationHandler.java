package dev.warden.streams;

import java.lang.System.Logger.Level;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * A record that is not valid JSON must not stop alarms for everybody: it is logged by position
 * (never its content) and skipped. Like Kafka's LogAndContinue, but quieter and without the payload.
 */
public final class LogAndSkipDeserializationHandler implements DeserializationExceptionHandler {
    private static final System.Logger LOG = System.getLogger(LogAndSkipDeserializationHandler.class.getName());

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.log(Level.WARNING, "Skipping unreadable record at {0}-{1}@{2}: {3}",
                context.topic(), context.partition(), context.offset(), exception.getMessage());
        return Response.resume();
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
