package nl.knooppunt.broker;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class BrokerPropertiesTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theBrokersMemoryMustBeAtLeastOneMegabyte() {
        assertThat(messages(DataSize.ofMegabytes(32))).isEmpty();
        assertThat(messages(DataSize.ofMegabytes(1))).isEmpty();
        assertThat(messages(DataSize.ofKilobytes(512)))
                .containsExactly("knooppunt.broker.global-max-size must be at least 1MB");
        assertThat(messages(null)).hasSize(1);
    }

    private List<String> messages(DataSize globalMaxSize) {
        return validator.validate(new BrokerProperties("127.0.0.1", 61616, Duration.ofNanos(100_000), 10, globalMaxSize))
                .stream().map(ConstraintViolation::getMessage).toList();
    }
}
