package nl.knooppunt.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.Lifecycle;

/**
 * The demo must not be a Spring Lifecycle bean: it depends on the CamelContext, and Spring starts a lifecycle bean's
 * dependencies first, so Camel would start before its YAML routes are loaded (0 routes, SOAP 404). Tests start Camel
 * later than the running hub does, so DemoTest cannot see this; it was found by running the demo.
 */
class DemoStartTest {

    @Test
    void theDemoIsNoLifecycleBean() {
        assertThat(Lifecycle.class.isAssignableFrom(Demo.class)).as("Demo implements Lifecycle").isFalse();
    }
}
