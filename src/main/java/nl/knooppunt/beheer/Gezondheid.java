package nl.knooppunt.beheer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.stereotype.Service;

/**
 * Every Spring Boot health indicator of the hub (broker "jms", database "db", "sftpServer", "pushDoelen", disk …)
 * with its details, for the beheer page, whatever {@code management.endpoint.health.show-details} says.
 */
@Service
public class Gezondheid {

    public record Onderdeel(String naam, String status, Map<String, Object> details) {
    }

    private final HealthContributorRegistry registry;

    public Gezondheid(HealthContributorRegistry registry) {
        this.registry = registry;
    }

    public List<Onderdeel> onderdelen() {
        List<Onderdeel> result = new ArrayList<>();
        for (NamedContributor<HealthContributor> c : registry) {
            voegToe(result, c.getName(), c.getContributor());
        }
        return result;
    }

    private static void voegToe(List<Onderdeel> result, String naam, HealthContributor contributor) {
        if (contributor instanceof HealthIndicator indicator) {
            Health h;
            try {
                h = indicator.getHealth(true);
            } catch (RuntimeException e) {
                h = Health.down().withDetail("fout", e.getClass().getSimpleName()).build();
            }
            result.add(new Onderdeel(naam, h.getStatus().getCode(), h.getDetails()));
        } else if (contributor instanceof CompositeHealthContributor composite) {
            for (NamedContributor<HealthContributor> c : composite) {
                voegToe(result, naam + "/" + c.getName(), c.getContributor());
            }
        }
    }
}
