package lu.entreprinder.persistence.core;

import static lu.entreprinder.persistence.schema.generated.Tables.LIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import lu.entreprinder.persistence.testing.Backend;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import org.jooq.DSLContext;

/**
 * Model-based test of the transaction rule: random transaction scripts (nesting depth 0–3, inserts that succeed or
 * violate a unique, check or foreign key, caught or not, savepoints that fail or not, hooks at every level) run
 * against the database and against a plain in-memory model of the rule; the committed rows, the exception the
 * outermost call ends with and the hooks that ran must be the same.
 *
 * <p>{@code -Dtx.model.scripts=N} sets the number of scripts per database (default 1,000: about 4 s on PostgreSQL),
 * {@code -Dtx.model.seed=S} the base seed (default: random, printed). A failing script is shrunk and printed with its
 * seed; {@code -Dtx.model.seed=<that seed> -Dtx.model.scripts=1} runs it alone.
 */
class TransactionModelIT {

    private static final int SCRIPTS = Integer.getInteger("tx.model.scripts", 1_000);
    private static final long BASE_SEED = Long.getLong("tx.model.seed", new Random().nextLong());
    private static final AtomicLong RUNS = new AtomicLong();

    // ---------------------------------------------------------------------------------------------------------
    // Scripts
    // ---------------------------------------------------------------------------------------------------------

    enum Violation { NONE, UNIQUE, CHECK, FOREIGN_KEY }

    sealed interface Action permits Insert, Hook, Nested {
    }

    /** One insert; {@code caught}: the script catches the violation's own exception type around it. */
    record Insert(Violation violation, boolean caught, boolean viaHandle) implements Action {
        @Override
        public String toString() {
            return "insert(" + violation + (caught ? ", caught" : "") + (viaHandle ? ", tx.dsl()" : ", db.dsl()") + ")";
        }
    }

    record Hook(int id, boolean viaHandle) implements Action {
        @Override
        public String toString() {
            return "hook#" + id + (viaHandle ? "(tx)" : "(db)");
        }
    }

    /** A nested inTransaction; {@code caught}: the script catches any RuntimeException it ends with. */
    record Nested(Block block, boolean caught) implements Action {
        @Override
        public String toString() {
            return "nested" + (caught ? "[caught]" : "") + block;
        }
    }

    record Block(List<Action> actions, boolean throwsAtEnd) {
        Block {
            actions = List.copyOf(actions);
        }

        @Override
        public String toString() {
            return "{" + String.join("; ", actions.stream().map(Object::toString).toList())
                    + (throwsAtEnd ? "; throw" : "") + "}";
        }
    }

    static Block generate(Random random, int depth) {
        int size = 1 + random.nextInt(5);
        List<Action> actions = new ArrayList<>();
        int[] hookIds = {0};
        for (int i = 0; i < size; i++) {
            actions.add(action(random, depth, hookIds));
        }
        return new Block(actions, random.nextInt(10) == 0);
    }

    private static Action action(Random random, int depth, int[] hookIds) {
        int roll = random.nextInt(100);
        if (roll < 40) {
            return new Insert(Violation.NONE, false, random.nextBoolean());
        }
        if (roll < 65) {
            Violation v = Violation.values()[1 + random.nextInt(3)];
            return new Insert(v, random.nextInt(10) < 6, random.nextBoolean());
        }
        if (roll < 80 || depth >= 3) {
            return new Hook(random.nextInt(1_000_000), random.nextBoolean());
        }
        return new Nested(generate(random, depth + 1), random.nextBoolean());
    }

    // ---------------------------------------------------------------------------------------------------------
    // The model
    // ---------------------------------------------------------------------------------------------------------

    /** What must happen: committed row numbers, the outermost exception's simple name (or null), hooks run. */
    record Outcome(List<Integer> committedRows, String exception, List<Integer> hooksRun) {
    }

    private static final class ModelLevel {
        final List<Integer> rows = new ArrayList<>();
        final List<Integer> hooks = new ArrayList<>();
        boolean poisoned;
    }

    /** Thrown by the model as the database would; carries the simple name of the exception class expected. */
    private static final class ModelThrow extends RuntimeException {
        final String type;

        ModelThrow(String type) {
            super(type, null, false, false);
            this.type = type;
        }
    }

    static Outcome model(Block script) {
        int[] rowCounter = {0};
        ModelLevel root = new ModelLevel();
        try {
            modelBlock(script, root, rowCounter);
        } catch (ModelThrow e) {
            return new Outcome(List.of(), e.type, List.of());
        }
        if (root.poisoned) {
            return new Outcome(List.of(), "TransactionAbortedException", List.of());
        }
        return new Outcome(root.rows, null, root.hooks);
    }

    private static void modelBlock(Block block, ModelLevel level, int[] rowCounter) {
        for (Action action : block.actions()) {
            switch (action) {
                case Insert insert -> {
                    int row = rowCounter[0]++;
                    if (level.poisoned) {
                        throw new ModelThrow("TransactionAbortedException");
                    }
                    if (insert.violation() == Violation.NONE) {
                        level.rows.add(row);
                    } else {
                        level.poisoned = true;
                        if (!insert.caught()) {
                            throw new ModelThrow(exceptionOf(insert.violation()));
                        }
                    }
                }
                case Hook hook -> level.hooks.add(hook.id());
                case Nested nested -> {
                    String failure = null;
                    if (level.poisoned) {
                        failure = "TransactionAbortedException";
                    } else {
                        ModelLevel child = new ModelLevel();
                        try {
                            modelBlock(nested.block(), child, rowCounter);
                            if (child.poisoned) {
                                failure = "TransactionAbortedException";
                            } else {
                                level.rows.addAll(child.rows);
                                level.hooks.addAll(child.hooks);
                            }
                        } catch (ModelThrow e) {
                            failure = e.type;
                        }
                    }
                    if (failure != null && !nested.caught()) {
                        throw new ModelThrow(failure);
                    }
                }
            }
        }
        if (block.throwsAtEnd()) {
            throw new ModelThrow("ScriptFailure");
        }
    }

    private static String exceptionOf(Violation violation) {
        return switch (violation) {
            case UNIQUE -> "ConflictException";
            case CHECK -> "CheckViolationException";
            case FOREIGN_KEY -> "ForeignKeyViolationException";
            case NONE -> throw new IllegalArgumentException();
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // The database
    // ---------------------------------------------------------------------------------------------------------

    /** Thrown by a script block that ends by throwing. */
    static final class ScriptFailure extends RuntimeException {
        ScriptFailure() {
            super("the script's block throws", null, false, false);
        }
    }

    private record World(long alice, String prefix) {
    }

    static Outcome run(Database db, Block script) {
        String prefix = "m" + RUNS.incrementAndGet() + "_";
        World world = new World(aliceId, prefix);
        List<Integer> hooksRun = new ArrayList<>();
        int[] rowCounter = {0};
        String exception = null;
        try {
            db.inTransaction(tx -> {
                runBlock(db, tx, script, world, rowCounter, hooksRun);
                return null;
            });
        } catch (RuntimeException e) {
            exception = e.getClass().getSimpleName();
        }
        List<Integer> committed = new ArrayList<>(new TreeSet<>(db.dsl().select(USER.USERNAME).from(USER)
                .where(USER.USERNAME.startsWith(prefix)).fetch(USER.USERNAME).stream()
                .map(name -> Integer.parseInt(name.substring(prefix.length()))).toList()));
        return new Outcome(committed, exception, hooksRun);
    }

    private static long aliceId;

    private static void runBlock(Database db, Transaction tx, Block block, World world, int[] rowCounter,
                                 List<Integer> hooksRun) {
        for (Action action : block.actions()) {
            switch (action) {
                case Insert insert -> {
                    int row = rowCounter[0]++;
                    DSLContext dsl = insert.viaHandle() ? tx.dsl() : db.dsl();
                    if (insert.caught()) {
                        try {
                            insert(dsl, db, insert.violation(), world, row);
                        } catch (ConflictException | CheckViolationException | ForeignKeyViolationException e) {
                            if (!e.getClass().getSimpleName().equals(exceptionOf(insert.violation()))) {
                                throw e;
                            }
                        }
                    } else {
                        insert(dsl, db, insert.violation(), world, row);
                    }
                }
                case Hook hook -> {
                    Runnable ran = () -> hooksRun.add(hook.id());
                    if (hook.viaHandle()) {
                        tx.afterCommit(ran);
                    } else {
                        db.afterCommit(ran);
                    }
                }
                case Nested nested -> {
                    if (nested.caught()) {
                        try {
                            db.useTransaction(inner -> runBlock(db, inner, nested.block(), world, rowCounter, hooksRun));
                        } catch (RuntimeException ignored) {
                            // the script recovers from whatever the savepoint ended with
                        }
                    } else {
                        db.useTransaction(inner -> runBlock(db, inner, nested.block(), world, rowCounter, hooksRun));
                    }
                }
            }
        }
        if (block.throwsAtEnd()) {
            throw new ScriptFailure();
        }
    }

    private static void insert(DSLContext dsl, Database db, Violation violation, World world, int row) {
        switch (violation) {
            case NONE -> user(dsl, db, world.prefix() + row);
            case UNIQUE -> user(dsl, db, "taken");
            case CHECK -> dsl.insertInto(LIKE)
                    .set(LIKE.FROM_USER_ID, world.alice()).set(LIKE.TO_USER_ID, world.alice())
                    .set(LIKE.CREATED_AT, db.now()).execute();
            case FOREIGN_KEY -> dsl.insertInto(LIKE)
                    .set(LIKE.FROM_USER_ID, world.alice()).set(LIKE.TO_USER_ID, 999_999_999L)
                    .set(LIKE.CREATED_AT, db.now()).execute();
        }
    }

    private static void user(DSLContext dsl, Database db, String username) {
        dsl.insertInto(USER)
                .set(USER.PASSWORD, "x").set(USER.IS_SUPERUSER, false).set(USER.USERNAME, username)
                .set(USER.FIRST_NAME, "").set(USER.LAST_NAME, "").set(USER.EMAIL, "")
                .set(USER.IS_STAFF, false).set(USER.IS_ACTIVE, true).set(USER.DATE_JOINED, db.now())
                .execute();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The test
    // ---------------------------------------------------------------------------------------------------------

    @DatabaseTest
    void everyRandomScriptEndsAsTheModelSays(Database db, Backend backend) {
        aliceId = Fixtures.user(db, "alice");
        Fixtures.user(db, "taken", "taken@example.com");
        System.out.printf("transaction model on %s: %d scripts, base seed %d (-Dtx.model.seed=%d)%n",
                backend, SCRIPTS, BASE_SEED, BASE_SEED);
        for (int i = 0; i < SCRIPTS; i++) {
            long seed = BASE_SEED + i;
            Block script = generate(new Random(seed), 0);
            Outcome expected = model(script);
            Outcome actual = run(db, script);
            if (!expected.equals(actual)) {
                Block smallest = shrink(db, script);
                throw new AssertionError("script of seed " + seed + " on " + backend
                        + " (re-run: -Dtx.model.seed=" + seed + " -Dtx.model.scripts=1)\n  script:   " + script
                        + "\n  expected: " + expected + "\n  actual:   " + actual
                        + "\n  shrunk:   " + smallest + "\n  expected: " + model(smallest)
                        + "\n  actual:   " + run(db, smallest));
            }
            assertThat(db.activeConnections()).as("connections borrowed after script %d", seed).isZero();
        }
    }

    /** Greedily removes, inlines and simplifies parts of a failing script while it keeps failing. */
    private static Block shrink(Database db, Block failing) {
        Block current = failing;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Block candidate : smaller(current)) {
                if (!model(candidate).equals(run(db, candidate))) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    private static List<Block> smaller(Block block) {
        List<Block> out = new ArrayList<>();
        if (block.throwsAtEnd()) {
            out.add(new Block(block.actions(), false));
        }
        for (int i = 0; i < block.actions().size(); i++) {
            List<Action> without = new ArrayList<>(block.actions());
            Action removed = without.remove(i);
            out.add(new Block(without, block.throwsAtEnd()));
            if (removed instanceof Nested nested) {
                for (Block inner : smaller(nested.block())) {
                    List<Action> replaced = new ArrayList<>(block.actions());
                    replaced.set(i, new Nested(inner, nested.caught()));
                    out.add(new Block(replaced, block.throwsAtEnd()));
                }
            }
            if (removed instanceof Insert insert && insert.viaHandle()) {
                List<Action> replaced = new ArrayList<>(block.actions());
                replaced.set(i, new Insert(insert.violation(), insert.caught(), false));
                out.add(new Block(replaced, block.throwsAtEnd()));
            }
        }
        return out.stream().filter(Objects::nonNull).toList();
    }
}
