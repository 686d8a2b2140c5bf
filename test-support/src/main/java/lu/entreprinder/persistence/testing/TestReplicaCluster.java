package lu.entreprinder.persistence.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL primary and a real streaming replica on loopback, for the read-replica tests: the primary from
 * {@code initdb} on a free port (the machine's server is not touched), the replica from {@code pg_basebackup -R}
 * on another free port, both from the machine's PostgreSQL server binaries ({@code PG_BIN} when set, else
 * {@code /usr/lib/postgresql/<15, 16, 17, 14>/bin}). As root they run as the
 * {@code postgres} OS user (PostgreSQL refuses root). {@link #close()} stops both (also at JVM exit) and deletes
 * their files.
 *
 * <p>Without the binaries {@link #start()} throws {@link MissingBinariesException}, whose message says what is
 * missing. The tests report that as a JUnit abort (not run, with that reason, listed as skipped) so that
 * {@code mvn verify} still works on a machine with only a JDK and Maven; CI sets {@link #REQUIRE_PROPERTY}, which
 * turns it into a failure, because there the binaries are installed and missing ones are a broken machine.
 */
public final class TestReplicaCluster implements AutoCloseable {

    /** With this system property {@code true} (CI sets it), missing binaries fail the replica tests instead of aborting them. */
    public static final String REQUIRE_PROPERTY = "replica.tests.requireBinaries";

    /** The server binaries are not on this machine. */
    public static final class MissingBinariesException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        MissingBinariesException(String message) {
            super(message);
        }
    }

    private final Path bin;
    private final Path dir;
    private final int primaryPort;
    private final int replicaPort;
    private final String osUser;
    private volatile boolean replicaRunning;
    private volatile boolean closed;

    private TestReplicaCluster(Path bin, Path dir, int primaryPort, int replicaPort, String osUser) {
        this.bin = bin;
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
        this.osUser = osUser;
    }

    /**
     * Creates and starts the primary and its replica (a few seconds), and waits until the replica streams.
     *
     * @throws MissingBinariesException when no PostgreSQL server binaries are found
     * @throws IllegalStateException when a server does not start (the message carries its log)
     */
    public static TestReplicaCluster start() {
        Path bin = findBinaries();
        String osUser = "root".equals(System.getProperty("user.name")) ? "postgres" : null;
        Path dir;
        try {
            dir = Files.createTempDirectory("entreprinder-replica");
            if (osUser != null) {
                run(List.of("chown", osUser, dir.toString()), null);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a directory for the replica test servers", e);
        }
        TestReplicaCluster cluster = new TestReplicaCluster(bin, dir, freePort(), freePort(), osUser);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-replica-cluster"));
        try {
            cluster.startServers();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startServers() {
        Path primary = dir.resolve("primary");
        Path replica = dir.resolve("replica");
        pg("initdb", "-D", primary.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "-N");
        appendConf(primary, "listen_addresses = '127.0.0.1'\nport = " + primaryPort
                + "\nunix_socket_directories = '" + dir + "'\nwal_level = replica\nmax_wal_senders = 4"
                + "\nfsync = off\nfull_page_writes = off\nshared_buffers = 32MB\nmax_connections = 60\n");
        pg("pg_ctl", "-D", primary.toString(), "-l", dir.resolve("primary.log").toString(), "-w", "-t", "60", "start");
        pg("pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(primaryPort), "-U", "postgres",
                "-D", replica.toString(), "-R", "-X", "stream", "-c", "fast");
        appendConf(replica, "port = " + replicaPort + "\nhot_standby = on\nhot_standby_feedback = off"
                // a query that blocks replay is cancelled quickly ("conflict with recovery"), as a test can then show
                + "\nmax_standby_streaming_delay = 200ms\n");
        startReplica();
        // Streaming from the first moment: wait until the primary sees its WAL sender.
        for (int i = 0; i < 200; i++) {
            if (queryLong(primaryAdminUrl(), "select count(*) from pg_stat_replication where state = 'streaming'") > 0) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("the replica did not start streaming; its log: " + log("replica.log"));
    }

    /**
     * Starts the replica (again, after {@link #stopReplica()}).
     *
     * @throws IllegalStateException if it does not start (the message carries pg_ctl's output)
     */
    public void startReplica() {
        pg("pg_ctl", "-D", dir.resolve("replica").toString(), "-l", dir.resolve("replica.log").toString(),
                "-w", "-t", "60", "start");
        replicaRunning = true;
    }

    /**
     * Stops the replica at once (its clients' connections break), as a crash or an operator would.
     *
     * @throws IllegalStateException if pg_ctl fails
     */
    public void stopReplica() {
        if (replicaRunning) {
            pg("pg_ctl", "-D", dir.resolve("replica").toString(), "-m", "immediate", "-w", "stop");
            replicaRunning = false;
        }
    }

    /** JDBC URL of the primary's {@code postgres} database, user postgres. Never throws. */
    public String primaryAdminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres?user=postgres";
    }

    /** JDBC URL of a database on the primary. */
    public String primaryUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/" + database + "?user=postgres";
    }

    /** JDBC URL of the same database on the replica. */
    public String replicaUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + replicaPort + "/" + database + "?user=postgres";
    }

    /**
     * Creates a database on the primary and waits until the replica has it too.
     *
     * @throws IllegalStateException if the statement fails or the replica does not catch up within 30 s
     */
    public void createDatabase(String name) {
        execute(primaryAdminUrl(), "create database " + name); // sql-constant: test database name
        waitForReplay();
    }

    /**
     * Waits (bounded, 30 s) until the replica has replayed everything the primary has written so far.
     *
     * @throws IllegalStateException if it does not catch up in time or a server cannot be reached
     */
    public void waitForReplay() {
        long target = queryLong(primaryAdminUrl(), "select (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint");
        String replica = "jdbc:postgresql://127.0.0.1:" + replicaPort + "/postgres?user=postgres";
        for (int i = 0; i < 600; i++) {
            if (queryLong(replica, "select (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint") >= target) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("the replica did not catch up within 30 s");
    }

    /**
     * Pauses WAL replay on the replica: it keeps receiving WAL but its data stays as it is.
     *
     * @throws IllegalStateException if the replica cannot be reached
     */
    public void pauseReplay() {
        execute(replicaUrl("postgres"), "select pg_wal_replay_pause()");
    }

    /**
     * Resumes WAL replay on the replica.
     *
     * @throws IllegalStateException if the replica cannot be reached
     */
    public void resumeReplay() {
        execute(replicaUrl("postgres"), "select pg_wal_replay_resume()");
    }

    /**
     * Runs one statement on the server at {@code url}.
     *
     * @throws IllegalStateException if it fails (the message carries the database's)
     */
    public static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static long queryLong(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "': " + e.getMessage(), e);
        }
    }

    /** Stops both servers and deletes their files. Idempotent; never throws (failures are printed). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String server : List.of("replica", "primary")) {
            if (Files.exists(dir.resolve(server).resolve("postmaster.pid"))) {
                try {
                    pg("pg_ctl", "-D", dir.resolve(server).toString(), "-m", "immediate", "-w", "stop");
                } catch (RuntimeException e) {
                    System.err.println("could not stop the test " + server + ": " + e.getMessage());
                }
            }
        }
        try {
            run(List.of("rm", "-rf", dir.toString()), null);
        } catch (RuntimeException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private void pg(String program, String... args) {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command, osUser);
    }

    private void appendConf(Path dataDir, String lines) {
        // The data directory belongs to the server's OS user; append through it.
        List<String> command = List.of("sh", "-c", "cat >> '" + dataDir.resolve("postgresql.conf") + "'");
        runWithInput(command, osUser, lines);
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void run(List<String> command, String osUser) {
        runWithInput(command, osUser, null);
    }

    private static void runWithInput(List<String> command, String osUser, String input) {
        List<String> full = new ArrayList<>();
        if (osUser != null) {
            full.addAll(List.of("runuser", "-u", osUser, "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            if (input != null) {
                p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish within 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed (" + p.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", full) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", full), e);
        }
    }

    private static Path findBinaries() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("PG_BIN");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env)); // only these binaries when PG_BIN is set
        } else {
            for (String version : List.of("15", "16", "17", "14")) {
                candidates.add(Path.of("/usr/lib/postgresql", version, "bin"));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate.resolve("pg_ctl")) && Files.isExecutable(candidate.resolve("postgres"))
                    && Files.isExecutable(candidate.resolve("initdb"))
                    && Files.isExecutable(candidate.resolve("pg_basebackup"))) {
                return candidate;
            }
        }
        throw new MissingBinariesException("no PostgreSQL server binaries (initdb, pg_ctl, postgres, pg_basebackup)"
                + " in PG_BIN or " + candidates + ": install Debian's postgresql-15 package (.ci/run does)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
