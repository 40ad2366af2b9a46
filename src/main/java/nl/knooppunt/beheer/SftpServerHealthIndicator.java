package nl.knooppunt.beheer;

import nl.knooppunt.intake.sftp.SftpServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health "sftpServer": the hub's own SFTP server (intake) is up and listening. */
@Component("sftpServerHealthIndicator")
class SftpServerHealthIndicator implements HealthIndicator {

    private final ObjectProvider<SftpServer> server;

    SftpServerHealthIndicator(ObjectProvider<SftpServer> server) {
        this.server = server;
    }

    @Override
    public Health health() {
        SftpServer s = server.getIfAvailable();
        if (s == null) {
            return Health.unknown().withDetail("melding", "SFTP-intake staat uit").build();
        }
        return s.isRunning() ? Health.up().withDetail("poort", s.port()).build()
                : Health.down().withDetail("melding", "SFTP-server draait niet").build();
    }
}
