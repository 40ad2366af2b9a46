package nl.knooppunt.retention;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Compaction of the embedded H2 file (route {@code h2-compactie}). H2 writes every commit as a new chunk of the pages
 * it changed, and reuses a chunk's space only once none of its pages is live. Its own background thread rewrites the
 * live pages of sparse chunks, but with {@code WRITE_DELAY=0} (every commit written at once, so none is lost) H2 2.3
 * runs no such thread: the file grew by about 160 KB per bericht, with chunks 5 % live. A run of this step does that
 * thread's work through H2's {@link MVStore#compact} (public API of the MVStore; reached through H2's embedded
 * session): while fewer than {@code vulgraad} percent of the chunks are live, it rewrites at most {@code per-run} of
 * live pages. Space of chunks freed this way is used again after H2's retention time (45 s). Nothing on PostgreSQL.
 */
@Component
@EnableConfigurationProperties(H2CompactieProperties.class)
public class H2Compactie {

    private static final Logger log = LoggerFactory.getLogger(H2Compactie.class);

    private final DataSource dataSource;
    private final H2CompactieProperties properties;
    /**
     * Whether this is an embedded H2 file; null until known. Known at once from a pool's JDBC URL, so that on
     * PostgreSQL neither a run nor a scrape of the gauges ever takes a connection (not even while the database is down).
     */
    private volatile Boolean h2File;

    public H2Compactie(DataSource dataSource, H2CompactieProperties properties, Optional<MeterRegistry> metrics) {
        this.dataSource = dataSource;
        this.properties = properties;
        if (dataSource instanceof com.zaxxer.hikari.HikariConfig pool && pool.getJdbcUrl() != null
                && !pool.getJdbcUrl().startsWith("jdbc:h2:")) {
            h2File = false;
        }
        metrics.ifPresent(registry -> {
            gauge(registry, "knooppunt.h2.bestand", "bytes", "size of the embedded H2 file",
                    s -> s.getFileStore().size());
            gauge(registry, "knooppunt.h2.vulgraad", "percent", "share of the H2 file's chunks that is live data",
                    s -> s.getFileStore().getChunksFillRate());
        });
    }

    private void gauge(MeterRegistry registry, String name, String unit, String description,
                       ToDoubleFunction<MVStore> value) {
        Gauge.builder(name, this, c -> c.meet(value)).baseUnit(unit).description(description).strongReference(true)
                .register(registry);
    }

    /**
     * One run: rewrites live pages of the emptiest chunks while the file is less than {@code vulgraad} live, at most
     * {@code per-run}. Returns whether it rewrote anything; false at once on any other database.
     */
    public boolean compacteer() throws SQLException {
        if (Boolean.FALSE.equals(h2File)) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = store(connection);
            h2File = store != null;
            if (store == null) {
                return false;
            }
            // the fill rate walks every chunk: only for the debug line
            int voor = log.isDebugEnabled() ? store.getFileStore().getChunksFillRate() : -1;
            boolean herschreven = store.compact(properties.vulgraad(), (int) properties.perRun().toBytes());
            if (herschreven && log.isDebugEnabled()) {
                log.debug("h2-compactie: chunks {} % live, nu {} %; bestand {} MB", voor,
                        store.getFileStore().getChunksFillRate(), store.getFileStore().size() >> 20);
            }
            return herschreven;
        }
    }

    private double meet(ToDoubleFunction<MVStore> value) {
        if (Boolean.FALSE.equals(h2File)) {
            return Double.NaN;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = store(connection);
            h2File = store != null;
            return store == null ? Double.NaN : value.applyAsDouble(store);
        } catch (SQLException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The MVStore behind an embedded H2 file connection, or null (another database, or H2 in memory or remote). */
    static MVStore store(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        Store store = session.getDatabase().getStore();
        MVStore mv = store == null ? null : store.getMvStore();
        FileStore<?> file = mv == null ? null : mv.getFileStore();
        return file == null || file.isReadOnly() || !session.getDatabase().isPersistent() ? null : mv;
    }
}
