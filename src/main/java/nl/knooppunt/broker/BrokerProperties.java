package nl.knooppunt.broker;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded broker's network acceptor ({@code knooppunt.broker.*}). It speaks Core and AMQP 1.0 so a gemeente
 * system can consume with any JMS or AMQP client. In the embedded default it binds to loopback without credentials.
 */
@Validated
@ConfigurationProperties("knooppunt.broker")
public record BrokerProperties(
        @NotBlank String host,
        @NotNull @Min(0) @Max(65535) Integer port,
        @NotNull Duration journalBufferTimeout,
        @NotNull @Min(1) Integer maxDeliveryAttempts,
        @NotNull DataSize globalMaxSize) {

    /**
     * Checked at start-up: the embedded broker pages every address to disk once its messages take this much heap
     * together. Artemis' default is half the heap, which at a small heap leaves too little for the hub itself while a
     * gemeente does not consume.
     */
    @AssertTrue(message = "knooppunt.broker.global-max-size must be at least 1MB")
    public boolean isGlobalMaxSizeAtLeastOneMegabyte() {
        return globalMaxSize == null || globalMaxSize.toBytes() >= DataSize.ofMegabytes(1).toBytes();
    }
}
