package nl.knooppunt.broker;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
        @NotNull @Min(1) Integer maxDeliveryAttempts) {
}
