package nl.knooppunt.demo;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code knooppunt.demo.*}: fictional aanbieders and gemeente systems that use the hub over its real channels (profile
 * {@code demo}, README). Off unless {@code enabled}.
 *
 * @param interval     pause between two berichten of the demo aanbieders (the gemeenten answer in between)
 * @param maxBerichten the aanbieders stop after this many berichten; 0: no limit
 * @param uitloop      after the last bericht, the demo keeps fetching and answering this long, then stops
 */
@Validated
@ConfigurationProperties("knooppunt.demo")
public record DemoProperties(
        @NotNull Boolean enabled,
        @NotNull Duration interval,
        @NotNull @Min(0) Integer maxBerichten,
        @NotNull Duration uitloop) {
}
