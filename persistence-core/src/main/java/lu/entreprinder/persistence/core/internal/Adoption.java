package lu.entreprinder.persistence.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import lu.entreprinder.persistence.core.AdoptionReport;
import lu.entreprinder.persistence.core.AdoptionReport.Finding;
import lu.entreprinder.persistence.core.AdoptionReport.Verdict;
import lu.entreprinder.persistence.core.PersistenceException;
import lu.entreprinder.persistence.core.SchemaStatus;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jooq.Check;
import org.jooq.SQLDialect;
import org.jooq.Schema;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adopts a database that Django made (the seed's models migrated by Django itself) so the library can use it while
 * the Django app keeps running: {@link #status()}, and {@link #adopt(boolean)} with its dry run. The logic behind
 * {@code Database.status()} / {@code Database.adopt(…)} and the command-line tool.
 *
 * <p>Before changing anything, every row is checked against what the library's migrations need. A row a migration
 * cannot take (a value it cannot convert, a duplicate under a rule both Django and the library enforce) refuses the
 * whole database; a row that only breaks a library-only rule is a warning. Then the whole adoption is rehearsed in
 * one transaction that is rolled back (dry run) or committed:
 * <ul>
 *   <li>PostgreSQL, in place: Django's {@code interests} column is set aside and converted into V7's JSON list,
 *       matches stored as (higher, lower) are turned round (V6's CHECK, dropped again by V15), Flyway's baseline at
 *       5 and V6–V17 run on the same connection; V9/V10 (name keys, unique) and V11 (unique e-mail) are recorded
 *       with their end state built here without the uniqueness that V15/V17 drop again, so names or e-mails that
 *       differ only in case (legal in Django) do not stop the run; every index of V1–V5 that Django did not create
 *       is added.</li>
 *   <li>SQLite: every library table is rebuilt into the library's latest form (taken from a scratch in-memory
 *       database that Flyway migrated), rows copied, Django's other tables untouched, and Flyway's history copied
 *       from the scratch database, so the file satisfies every version.</li>
 * </ul>
 */
public final class Adoption {

    private static final Logger LOG = LoggerFactory.getLogger(Adoption.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HISTORY = "flyway_schema_history";
    private static final Set<String> GEOMETRIES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString",
            "Polygon", "MultiPolygon");
    private static final Pattern SQLITE_CHECK = Pattern.compile("CHECK constraint failed: (\\w+)");
    private static final int VALUE_TEXT = 80;

    private final DataSource dataSource;
    private final SQLDialect dialect;
    private final List<String> locations;
    private final Schema schema;
    private final ErrorTranslator translator;

    public Adoption(DataSource dataSource, SQLDialect dialect, List<String> locations, Schema schema,
                    ErrorTranslator translator) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.locations = List.copyOf(locations);
        this.schema = schema;
        this.translator = translator;
    }

    private boolean sqlite() {
        return dialect.family() == SQLDialect.SQLITE;
    }

    // -------------------------------------------------------------------------------------------------------------
    // status
    // -------------------------------------------------------------------------------------------------------------

    /** Applied and pending versions, and whether Django's tables are there. */
    public SchemaStatus status() {
        try (Connection connection = dataSource.getConnection()) {
            boolean django = tableExists(connection, "django_migrations") && tableExists(connection, "auth_user");
            List<String> warnings = pythonOnlyDefaults(false).stream().map(Finding::describe).toList();
            boolean adopted = tableExists(connection, HISTORY);
            Flyway flyway = flyway(single(connection, false)).load();
            List<String> applied = new ArrayList<>();
            List<String> pending = new ArrayList<>();
            for (MigrationInfo info : flyway.info().all()) {
                if (info.getVersion() == null) {
                    continue;
                }
                String version = info.getVersion().getVersion();
                if (info.getState() == MigrationState.PENDING) {
                    pending.add(version);
                } else if (info.getState().isApplied() && info.getState() != MigrationState.BASELINE_IGNORED) {
                    applied.add(version);
                }
            }
            return new SchemaStatus(applied, pending, django, adopted, warnings);
        } catch (SQLException | RuntimeException e) {
            throw translator.translate(e);
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // columns Django added later, whose default lives only in Python
    // -------------------------------------------------------------------------------------------------------------

    /**
     * Finds columns of the library's tables that the library does not know (Django added them later), that are
     * NOT NULL and have no database default: Django drops the default after adding the column (it lives in Python),
     * so every library insert into the table would fail. With {@code repair} (PostgreSQL), text columns get
     * {@code DEFAULT ''} (Django's blank value); other types are reported with the statement to run, since a guessed
     * number or flag would be silently wrong. SQLite cannot add a default without a table rebuild: reported only.
     *
     * @return one finding per column: a conversion (done) or a warning (what to do)
     */
    public List<Finding> pythonOnlyDefaults(boolean repair) {
        if (schema == null) {
            return List.of();
        }
        List<Finding> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (Table<?> table : schema.getTables()) {
                if (!tableExists(c, table.getName())) {
                    continue;
                }
                Set<String> known = new LinkedHashSet<>();
                for (org.jooq.Field<?> field : table.fields()) {
                    known.add(field.getName());
                }
                for (String[] column : requiredWithoutDefault(c, table.getName())) {
                    if (known.contains(column[0])) {
                        continue;
                    }
                    boolean text = column[1].contains("char") || column[1].contains("text");
                    String rule = column[0] + " NOT NULL without a database default (Django keeps it in Python)";
                    if (repair && text && !sqlite()) {
                        SqlScript.execute(c, "alter table " + table.getName() + " alter column \"" + column[0] // sql-constant: catalog names
                                + "\" set default ''");
                        lines.add(new Finding(Verdict.CONVERSION, table.getName(), null, rule, column[1],
                                "set DEFAULT '' so the library's inserts, which do not know the column, succeed"));
                    } else {
                        lines.add(new Finding(Verdict.WARNING, table.getName(), null, rule, column[1],
                                "the library's inserts into " + table.getName() + " fail until it has a default: "
                                        + (sqlite() ? "rebuild the table with one (SQLite cannot add it in place)"
                                        : "alter table " + table.getName() + " alter column " + column[0]
                                                + " set default <Django's default>")));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw translator.translate(e);
        }
        return lines;
    }

    private List<String[]> requiredWithoutDefault(Connection c, String table) throws SQLException {
        String sql = sqlite()
                ? "select name, lower(type) from pragma_table_info(?) where \"notnull\" = 1 and dflt_value is null and pk = 0"
                : "select column_name, data_type from information_schema.columns where table_schema = current_schema()"
                        + " and table_name = ? and is_nullable = 'NO' and column_default is null"
                        + " and is_identity = 'NO' and is_generated = 'NEVER'";
        List<String[]> columns = new ArrayList<>();
        try (var statement = c.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return columns;
    }

    // -------------------------------------------------------------------------------------------------------------
    // adopt
    // -------------------------------------------------------------------------------------------------------------

    /**
     * Checks every row, then adopts (or, for a dry run, rehearses and rolls back).
     *
     * @throws IllegalStateException if the database is not an un-adopted Django database
     */
    public AdoptionReport adopt(boolean dryRun) {
        long started = System.nanoTime();
        SchemaStatus status = status();
        if (!status.unadoptedDjangoDatabase()) {
            throw new IllegalStateException(status.adopted()
                    ? "already adopted (the library's history table exists): use migrate"
                    : "not a Django database (no django_migrations and auth_user tables): use migrate");
        }
        List<Finding> findings = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            inspect(connection, findings);
            if (findings.stream().noneMatch(f -> f.verdict() == Verdict.REFUSAL)) {
                try {
                    if (sqlite()) {
                        adoptSqlite(connection, dryRun);
                    } else {
                        adoptPostgres(connection, dryRun);
                    }
                } catch (RehearsalFailed e) {
                    findings.add(e.finding);
                }
                if (!dryRun && findings.stream().noneMatch(f -> f.verdict() == Verdict.REFUSAL)) {
                    findings.addAll(pythonOnlyDefaults(true));
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw translator.translate(e);
        }
        findings.sort(Comparator.comparing(Finding::verdict));
        boolean refused = findings.stream().anyMatch(f -> f.verdict() == Verdict.REFUSAL);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        AdoptionReport report = new AdoptionReport(findings, dryRun, !dryRun && !refused, took);
        LOG.info("{}", report.describe().lines().findFirst().orElse(""));
        return report;
    }

    /** A constraint met during the rehearsal that the targeted checks did not name. */
    private static final class RehearsalFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Finding finding;

        RehearsalFailed(Finding finding, Throwable cause) {
            super(finding.describe(), cause);
            this.finding = finding;
        }
    }

    // --- the checks, before anything changes -----------------------------------------------------------------------

    private void inspect(Connection c, List<Finding> findings) throws SQLException {
        if (tableExists(c, "matching_match")) {
            try (ResultSet rs = query(c, "select a.id, a.user1_id, a.user2_id, b.id from matching_match a"
                    + " join matching_match b on a.user1_id = b.user2_id and a.user2_id = b.user1_id and a.id < b.id")) {
                while (rs.next()) {
                    findings.add(new Finding(Verdict.REFUSAL, "matching_match", rs.getLong(4), "matching_match_pair_uniq",
                            "(" + rs.getLong(3) + ", " + rs.getLong(2) + ")",
                            "the pair is also stored as id " + rs.getLong(1) + " (" + rs.getLong(2) + ", "
                                    + rs.getLong(3) + "): delete one of the two rows"));
                }
            }
            if (!sqlite()) {
                long reversed = count(c, "select count(*) from matching_match where user1_id > user2_id");
                if (reversed > 0) {
                    findings.add(new Finding(Verdict.CONVERSION, "matching_match", null, "user1_id < user2_id",
                            reversed + " row(s)", "stored as (lower id, higher id) while V6 runs; the pair is unchanged"));
                }
            }
        }
        for (String table : List.of("entreprinder_industry", "entreprinder_skill")) {
            if (tableExists(c, table)) {
                nameKeys(c, table, findings);
            }
        }
        if (columnExists(c, "crush_lu_crushprofile", "interests")) {
            interests(c, findings);
        }
        for (String table : List.of("vinsdelux_vdlproducer", "vinsdelux_vdlplot")) {
            if (columnExists(c, table, "coordinates")) {
                coordinates(c, table, findings);
            }
        }
        if (tableExists(c, "auth_user")) {
            emails(c, findings);
        }
        if (!sqlite() && schema != null) {
            checks(c, findings);
        }
    }

    private void nameKeys(Connection c, String table, List<Finding> findings) throws SQLException {
        Map<String, Long> firstByKey = new LinkedHashMap<>();
        try (ResultSet rs = query(c, "select id, name from " + table + " order by id")) { // sql-constant: table name
            while (rs.next()) {
                long id = rs.getLong(1);
                String name = rs.getString(2);
                String key = normalizeName(name);
                if (key.length() > 100) {
                    findings.add(new Finding(Verdict.REFUSAL, table, id, "name_key (at most 100 characters)",
                            shorten(name), "shorten the name"));
                }
                Long first = firstByKey.putIfAbsent(key, id);
                if (first != null) {
                    findings.add(new Finding(Verdict.WARNING, table, id, "name unique after normalization (library only)",
                            shorten(name), "kept (Django allows it); same key '" + key + "' as id " + first
                                    + ": the library's look-ups and get-or-create answer id " + first));
                }
            }
        }
    }

    private void interests(Connection c, List<Finding> findings) throws SQLException {
        String type = columnType(c, "crush_lu_crushprofile", "interests");
        if (!sqlite() && type.startsWith("_")) {
            long rows = count(c, "select count(*) from crush_lu_crushprofile");
            findings.add(new Finding(Verdict.CONVERSION, "crush_lu_crushprofile", null, "interests",
                    "PostgreSQL array (" + rows + " row(s))", "converted into a JSON list (V7's jsonb)"));
            return;
        }
        String sql = sqlite()
                ? "select id, interests from crush_lu_crushprofile where json_valid(interests) = 0"
                        + " or json_type(interests) <> 'array'"
                : "select id, interests::text from crush_lu_crushprofile where jsonb_typeof(interests::jsonb) <> 'array'";
        try (ResultSet rs = query(c, sql)) {
            while (rs.next()) {
                findings.add(new Finding(Verdict.REFUSAL, "crush_lu_crushprofile", rs.getLong(1),
                        "crush_lu_crushprofile_interests_check (a JSON list)", shorten(rs.getString(2)),
                        "store a list of strings, e.g. [] or [\"hiking\"]"));
            }
        }
    }

    private void coordinates(Connection c, String table, List<Finding> findings) throws SQLException {
        String sql = "select id, coordinates" + (sqlite() ? "" : "::text") + " from " + table // sql-constant: table name
                + " where coordinates is not null order by id";
        try (ResultSet rs = query(c, sql)) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String text = rs.getString(2);
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (IOException e) {
                    node = null;
                }
                if (node == null || !node.isObject()) {
                    if (node != null && node.isNull()) {
                        continue; // JSON null: Django's JSONField(null=True) may store it; the library reads it as absent
                    }
                    findings.add(new Finding(Verdict.REFUSAL, table, id, table + "_coordinates_check (a JSON object)",
                            shorten(text), "store a GeoJSON geometry object, or NULL"));
                } else if (!geometry(node)) {
                    findings.add(new Finding(Verdict.WARNING, table, id, "coordinates (GeoJSON geometry)",
                            shorten(text), "kept; the library reads this record as invalid (coordinates "
                                    + "not decodable) until it is corrected"));
                }
            }
        }
    }

    private static boolean geometry(JsonNode node) {
        JsonNode type = node.get("type");
        JsonNode coordinates = node.get("coordinates");
        return type != null && GEOMETRIES.contains(type.asText()) && coordinates != null && coordinates.isArray()
                && !coordinates.isEmpty();
    }

    private void emails(Connection c, List<Finding> findings) throws SQLException {
        Map<String, Long> firstByAddress = new LinkedHashMap<>();
        try (ResultSet rs = query(c, "select id, email from auth_user where email <> '' order by id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String email = rs.getString(2);
                Long first = firstByAddress.putIfAbsent(email.strip().toLowerCase(Locale.ROOT), id);
                if (first != null) {
                    findings.add(new Finding(Verdict.WARNING, "auth_user", id, "e-mail unique ignoring case (library only)",
                            shorten(email), "kept (Django allows it); same address as user " + first
                                    + ": the library's look-up by e-mail answers user " + first));
                }
            }
        }
    }

    /** PostgreSQL: every CHECK of the library's schema, run against Django's rows (V6's checks and later ones). */
    private void checks(Connection c, List<Finding> findings) throws SQLException {
        for (Table<?> table : schema.getTables()) {
            if (!tableExists(c, table.getName())) {
                continue;
            }
            for (Check<?> check : table.getChecks()) {
                if (check.getName().contains("interests") || check.getName().contains("coordinates")
                        || check.getName().equals("matching_match_ordered_pair_check")) {
                    continue; // reported above with a better message, or converted
                }
                String condition = check.condition().toString();
                try (ResultSet rs = query(c, "select id from " + table.getName() // sql-constant: the schema's own names and check text
                        + " where not (" + condition + ") order by id limit 1000")) {
                    while (rs.next()) {
                        findings.add(new Finding(Verdict.REFUSAL, table.getName(), rs.getLong(1), check.getName(),
                                shorten(condition), "the row breaks " + check.getName() + ": correct the value"));
                    }
                } catch (SQLException e) {
                    // a column the check needs is not there yet (it comes with a later migration): nothing to check
                    LOG.debug("check {} not evaluated: {}", check.getName(), e.getMessage());
                }
            }
        }
    }

    // --- PostgreSQL -------------------------------------------------------------------------------------------------

    private void adoptPostgres(Connection c, boolean dryRun) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            String interestsType = columnExists(c, "crush_lu_crushprofile", "interests")
                    ? columnType(c, "crush_lu_crushprofile", "interests") : null;
            if (interestsType != null) {
                SqlScript.execute(c, "alter table crush_lu_crushprofile rename column interests to interests__django");
            }
            if (tableExists(c, "matching_match")) {
                SqlScript.execute(c, "update matching_match set user1_id = user2_id, user2_id = user1_id where user1_id > user2_id");
                // Django's foreign keys are deferred: check them now, or V6's ALTER TABLE finds pending trigger events
                SqlScript.execute(c, "set constraints all immediate");
            }
            DataSource one = single(c, true);
            flyway(one).baselineVersion("5").baselineDescription("adopted Django database").load().baseline();
            flyway(one).target("8").load().migrate();
            // V9 refuses, and V10's unique key fails on, names that differ only in case, which Django allows and V17
            // stops requiring: fill the keys here, make them required, and record V9 and V10 as applied.
            for (String table : List.of("entreprinder_industry", "entreprinder_skill")) {
                populateNameKeys(c, table);
                SqlScript.execute(c, "alter table " + table + " alter column name_key set not null"); // sql-constant: table name
            }
            flyway(one).target("10").skipExecutingMigrations(true).load().migrate();
            // V11's unique index would stop on e-mails that differ only in case, and V15 replaces it by a plain one:
            // build the plain one under V11's name and record V11 as applied.
            SqlScript.execute(c, "create index auth_user_email_ci_uniq on auth_user (lower(email)) where email <> ''");
            flyway(one).target("11").skipExecutingMigrations(true).load().migrate();
            flyway(one).load().migrate();
            if (interestsType != null) {
                String value = interestsType.startsWith("_") ? "to_jsonb(interests__django)" : "interests__django::jsonb";
                SqlScript.execute(c, "update crush_lu_crushprofile set interests = " + value); // sql-constant: fixed expressions
                SqlScript.execute(c, "alter table crush_lu_crushprofile drop column interests__django");
            }
            for (String index : baselineIndexes()) {
                SqlScript.execute(c, index);
            }
            if (dryRun) {
                c.rollback();
            } else {
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw rehearsal(e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Every CREATE INDEX of V1–V5, as {@code CREATE … INDEX IF NOT EXISTS} (a baseline at 5 skips them). */
    private List<String> baselineIndexes() {
        List<String> indexes = new ArrayList<>();
        for (String version : List.of("V1__auth_user", "V2__entreprinder_initial", "V3__matching_initial",
                "V4__vinsdelux_initial", "V5__crushlu_initial")) {
            for (String statement : SqlScript.statements(SqlScript.resource("db/migration/postgresql/" + version + ".sql"))) {
                Matcher m = Pattern.compile("(?is)^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(.*)$").matcher(statement);
                if (m.matches()) {
                    indexes.add("CREATE " + (m.group(1) == null ? "" : "UNIQUE ") + "INDEX IF NOT EXISTS " + m.group(2));
                }
            }
        }
        return indexes;
    }

    // --- SQLite -----------------------------------------------------------------------------------------------------

    private record SqliteObject(String type, String name, String table, String sql) {
    }

    private void adoptSqlite(Connection c, boolean dryRun) throws SQLException {
        List<SqliteObject> target = new ArrayList<>();
        List<List<Object>> history = new ArrayList<>();
        String historySql;
        try (Connection scratch = sqliteDriver().connect("jdbc:sqlite::memory:", new Properties())) {
            flyway(NonClosingConnection.dataSource(scratch)).load().migrate();
            Set<String> virtual = new LinkedHashSet<>();
            try (ResultSet rs = query(scratch, "select type, name, tbl_name, sql from sqlite_master"
                    + " where sql is not null and name not like 'sqlite_%' order by rowid")) {
                while (rs.next()) {
                    SqliteObject o = new SqliteObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    if (o.sql().toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL TABLE")) {
                        virtual.add(o.name());
                    }
                    target.add(o);
                }
            }
            // FTS5 creates its shadow tables itself
            target.removeIf(o -> o.type().equals("table")
                    && virtual.stream().anyMatch(v -> o.name().startsWith(v + "_")));
            historySql = target.stream().filter(o -> o.name().equals(HISTORY)).findFirst().orElseThrow().sql();
            target.removeIf(o -> o.table().equals(HISTORY));
            try (ResultSet rs = query(scratch, "select * from " + HISTORY + " order by installed_rank")) { // sql-constant
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    history.add(row);
                }
            }
        }
        SqlScript.execute(c, "PRAGMA foreign_keys = OFF");
        SqlScript.execute(c, "PRAGMA legacy_alter_table = ON"); // a rename must not rewrite the references of Django's own tables
        try {
            SqlScript.execute(c, "BEGIN IMMEDIATE");
            try {
                rebuildSqlite(c, target, historySql, history);
                List<String> broken = new ArrayList<>();
                try (ResultSet rs = query(c, "PRAGMA foreign_key_check")) {
                    while (rs.next()) {
                        broken.add(rs.getString(1) + " row " + rs.getLong(2) + " -> " + rs.getString(3));
                    }
                }
                if (!broken.isEmpty()) {
                    throw new RehearsalFailed(new Finding(Verdict.REFUSAL, broken.get(0).split(" ")[0], null,
                            "foreign keys", broken.size() + " broken reference(s): " + shorten(broken.toString()),
                            "delete or correct the rows whose referenced row is missing"), null);
                }
                SqlScript.execute(c, dryRun ? "ROLLBACK" : "COMMIT");
            } catch (SQLException | RuntimeException e) {
                SqlScript.execute(c, "ROLLBACK");
                throw rehearsal(e);
            }
        } finally {
            SqlScript.execute(c, "PRAGMA legacy_alter_table = OFF");
            SqlScript.execute(c, "PRAGMA foreign_keys = ON");
        }
    }

    private void rebuildSqlite(Connection c, List<SqliteObject> target, String historySql, List<List<Object>> history)
            throws SQLException {
        List<String> copied = new ArrayList<>();
        for (SqliteObject o : target) {
            if (o.type().equals("table") && !o.sql().toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL")
                    && tableExists(c, o.name())) {
                SqlScript.execute(c, "ALTER TABLE \"" + o.name() + "\" RENAME TO \"" + o.name() + "__django\""); // sql-constant: schema names
                copied.add(o.name());
            }
        }
        for (String type : List.of("table", "index", "trigger", "view")) {
            for (SqliteObject o : target) {
                if (o.type().equals(type)) {
                    SqlScript.execute(c, o.sql());
                }
            }
        }
        for (String table : copied) {
            String old = table + "__django";
            List<String> columns = new ArrayList<>(columns(c, table));
            columns.retainAll(columns(c, old));
            String list = String.join(", ", columns.stream().map(n -> "\"" + n + "\"").toList());
            SqlScript.execute(c, "INSERT INTO \"" + table + "\" (" + list + ") SELECT " + list + " FROM \"" + old // sql-constant: schema names
                    + "\" ORDER BY rowid");
            SqlScript.execute(c, "DELETE FROM sqlite_sequence WHERE name = '" + table + "'"); // sql-constant: schema names
            SqlScript.execute(c, "INSERT INTO sqlite_sequence (name, seq) SELECT '" + table + "', seq FROM sqlite_sequence" // sql-constant: schema names
                    + " WHERE name = '" + old + "'");
            SqlScript.execute(c, "DROP TABLE \"" + old + "\""); // sql-constant: schema names
        }
        for (String table : List.of("entreprinder_industry", "entreprinder_skill")) {
            if (copied.contains(table)) {
                populateNameKeys(c, table);
            }
        }
        SqlScript.execute(c, historySql);
        if (!history.isEmpty()) {
            String marks = String.join(", ", history.get(0).stream().map(v -> "?").toList());
            try (var insert = c.prepareStatement("INSERT INTO " + HISTORY + " VALUES (" + marks + ")")) { // sql-constant
                for (List<Object> row : history) {
                    for (int i = 0; i < row.size(); i++) {
                        insert.setObject(i + 1, row.get(i));
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** Every row's {@code name_key} from its name, by V9's rule (adoption stands in for V9, recorded as applied). */
    private static void populateNameKeys(Connection c, String table) throws SQLException {
        Map<Long, String> keys = new LinkedHashMap<>();
        try (ResultSet rs = query(c, "select id, name from " + table)) { // sql-constant: table name
            while (rs.next()) {
                keys.put(rs.getLong(1), normalizeName(rs.getString(2)));
            }
        }
        try (var update = c.prepareStatement("UPDATE " + table + " SET name_key = ? WHERE id = ?")) { // sql-constant: table name
            for (var entry : keys.entrySet()) {
                update.setString(1, entry.getValue());
                update.setLong(2, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private RuntimeException rehearsal(Throwable e) {
        if (e instanceof RehearsalFailed r) {
            return r;
        }
        RuntimeException translated = translator.translate(e);
        if (translated instanceof lu.entreprinder.persistence.core.ConstraintViolationException cv) {
            String name = cv.constraint();
            if (name == null && e.getMessage() != null) {
                Matcher m = SQLITE_CHECK.matcher(e.getMessage());
                name = m.find() ? m.group(1) : null;
            }
            return new RehearsalFailed(new Finding(Verdict.REFUSAL, "?", null, String.valueOf(name),
                    shorten(String.valueOf(translated.getMessage())),
                    "a row breaks this constraint: correct it, then run adopt --dry-run again"), e);
        }
        if (translated instanceof PersistenceException) {
            return translated;
        }
        return translated;
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private FluentConfiguration flyway(DataSource one) {
        return Flyway.configure(Adoption.class.getClassLoader())
                .dataSource(one)
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(true);
    }

    /**
     * A data source that always hands out {@code connection}; {@code close} does nothing and, when
     * {@code holdTransaction}, so do {@code commit} and {@code setAutoCommit}: everything Flyway runs joins the
     * caller's one transaction, which the caller commits or rolls back.
     */
    private static DataSource single(Connection connection, boolean holdTransaction) {
        Connection proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, method, args) -> {
                    String name = method.getName();
                    if (name.equals("close") || holdTransaction && (name.equals("commit") || name.equals("setAutoCommit"))) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return NonClosingConnection.dataSource(proxy);
    }

    private boolean tableExists(Connection c, String table) throws SQLException {
        String sql = sqlite()
                ? "select count(*) from sqlite_master where type = 'table' and name = ?"
                : "select count(*) from information_schema.tables where table_schema = current_schema() and table_name = ?";
        try (var statement = c.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private boolean columnExists(Connection c, String table, String column) throws SQLException {
        return tableExists(c, table) && columns(c, table).contains(column);
    }

    private List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        String sql = sqlite()
                ? "select name from pragma_table_info(?)"
                : "select column_name from information_schema.columns where table_schema = current_schema()"
                        + " and table_name = ? order by ordinal_position";
        try (var statement = c.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** PostgreSQL: the udt name ({@code jsonb}, {@code _varchar} for an array); SQLite: the declared type. */
    private String columnType(Connection c, String table, String column) throws SQLException {
        String sql = sqlite()
                ? "select type from pragma_table_info(?) where name = ?"
                : "select udt_name from information_schema.columns where table_schema = current_schema()"
                        + " and table_name = ? and column_name = ?";
        try (var statement = c.prepareStatement(sql)) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1).toLowerCase(Locale.ROOT) : "";
            }
        }
    }

    private static ResultSet query(Connection c, String sql) throws SQLException {
        Statement statement = c.createStatement();
        statement.closeOnCompletion();
        return statement.executeQuery(sql);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = query(c, sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String shorten(String value) {
        if (value == null) {
            return "NULL";
        }
        return value.length() <= VALUE_TEXT ? value : value.substring(0, VALUE_TEXT - 1) + "…";
    }

    private static volatile Method normalize;

    /**
     * Migration V9's normalization rule, loaded from the schema module's migration class: adoption does V9's work and
     * records it as applied, so it keys the rows as V9 would have (later migrations re-key them if the rule changed).
     */
    static String normalizeName(String name) {
        try {
            Method method = normalize;
            if (method == null) {
                Class<?> v9 = Class.forName("db.migration.common.V9__entreprinder_populate_name_key", true,
                        Adoption.class.getClassLoader());
                method = v9.getMethod("normalizeName", String.class);
                normalize = method;
            }
            return (String) method.invoke(null, name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the schema module (db.migration.common.V9__…) is not on the class path", e);
        }
    }

    private static Driver sqliteDriver() {
        try {
            return (Driver) Class.forName("org.sqlite.JDBC", true, Adoption.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the SQLite driver (org.xerial:sqlite-jdbc) is not on the class path", e);
        }
    }
}
