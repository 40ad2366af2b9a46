package nl.knooppunt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KnooppuntApplication {

    public static void main(String[] args) {
        SpringApplication.run(KnooppuntApplication.class, args);
    }
}
