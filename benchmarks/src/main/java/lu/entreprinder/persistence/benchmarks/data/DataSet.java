package lu.entreprinder.persistence.benchmarks.data;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.DISLIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE_INDUSTRIES;
import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE_SKILLS;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_REGISTRATION;
import static lu.entreprinder.persistence.schema.generated.Tables.INDUSTRY;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHALLENGE;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CHAPTER;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_CONFIGURATION;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_PROGRESS;
import static lu.entreprinder.persistence.schema.generated.Tables.JOURNEY_REWARD;
import static lu.entreprinder.persistence.schema.generated.Tables.LIKE;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;
import static lu.entreprinder.persistence.schema.generated.Tables.SKILL;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_ADOPTION_PLAN;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_COFFRET;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PLOT_ADOPTION_PLANS;
import static lu.entreprinder.persistence.schema.generated.Tables.VDL_PRODUCER;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Table;

/**
 * A realistic data set, generated deterministically (fixed seed) and streamed into a {@link RowSink}.
 *
 * <p>Scale 1.0: 100,000 users, the first 20,000 of them with a Crush.lu profile; 2,000 meetup events (every 40th
 * cancelled) with 100 registrations each (200,000); 500 producers with 50,000 plots; 100,000 entrepreneur profiles (one per user, because
 * {@code entreprinder_entrepreneurprofile.user_id} is unique) with 2-6 of 400 skills and 1-2 of 40 industries each;
 * 200,000 likes and 100,000 dislikes (never of a liked pair); 40 Crush.lu journeys (4-6 chapters of 2-4
 * challenges, 1-2 rewards per chapter) and about 40,000 progress rows in the first half of them
 * ({@link Spec#playedJourneys()}; the other half is left unplayed for workload 6). Every count scales linearly with the factor; skills and industries stay fixed.
 */
public final class DataSet {

    public static final long SEED = 20261121L;
    public static final int SKILLS = 400;
    public static final int INDUSTRIES = 40;
    public static final int REGISTRATIONS_PER_EVENT = 100;
    /** Every 40th event is cancelled (listings leave it out), decided by id: the random stream stays as it was. */
    public static final int CANCELLED_EVERY = 40;
    /** Event dates are spread over this many days from {@link #EPOCH} (2020-01-01 .. 2035-12-31). */
    public static final int EVENT_DAYS = 5_844;
    public static final OffsetDateTime EPOCH = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    /** A realistic Django password hash (pbkdf2_sha256, 870,000 iterations). */
    public static final String PASSWORD =
            "pbkdf2_sha256$870000$Zq8bYJrS2c4PqHkVd1xQ3e$3mJ2nT6c9yVq0sXh8rWl1oP5aZ7uB4eK2fG9iD0jQwE=";

    private static final String[] FIRST = {"Anna", "Luc", "Marie", "Jean", "Sophie", "Marc", "Laura", "Tom", "Léa",
            "Paul", "Julie", "Max", "Emma", "Noah", "Chloé", "Ben", "Sara", "Yann", "Mia", "Félix"};
    private static final String[] LAST = {"Muller", "Schmit", "Weber", "Hoffmann", "Wagner", "Klein", "Schroeder",
            "Becker", "Reuter", "Thill", "Kremer", "Faber", "Hansen", "Meyer", "Lentz", "Dupont"};
    private static final String[] TOWNS = {"Luxembourg", "Esch-sur-Alzette", "Differdange", "Dudelange", "Ettelbruck",
            "Diekirch", "Wiltz", "Remich", "Grevenmacher", "Echternach", "Clervaux", "Vianden"};
    private static final String[] EVENT_TYPES = {"speed_dating", "mixer", "activity", "themed"};
    private static final String[] GRAPES = {"Riesling", "Pinot Gris", "Auxerrois", "Rivaner", "Pinot Blanc",
            "Elbling", "Gewürztraminer", "Pinot Noir", "Chardonnay"};
    private static final String[] SOILS = {"Keuper marl", "Muschelkalk", "clay-limestone", "sandy loam", "dolomite"};
    private static final String[] PLOT_STATUS = {"available", "available", "available", "reserved", "adopted",
            "unavailable"};
    private static final String[] REG_STATUS = {"confirmed", "confirmed", "confirmed", "pending", "waitlist",
            "attended", "cancelled"};

    /** Row counts at a scale factor. */
    public record Spec(double scale, int users, int crushUsers, int events, int registrationsPerEvent, int producers,
                       int plots, int profiles, int likes, int importRows, int adoptionPlans) {

        public static Spec of(double scale) {
            if (!(scale > 0 && scale <= 10)) {
                throw new IllegalArgumentException("scale must be in (0, 10], was " + scale);
            }
            int crush = Math.max(REGISTRATIONS_PER_EVENT + 1, (int) Math.round(20_000 * scale));
            int users = Math.max(crush, (int) Math.round(100_000 * scale));
            return new Spec(scale, users, crush, Math.max(1, (int) Math.round(2_000 * scale)),
                    REGISTRATIONS_PER_EVENT, Math.max(1, (int) Math.round(500 * scale)),
                    Math.max(1, (int) Math.round(50_000 * scale)), users,
                    (int) Math.min((long) users * (users - 1) / 4, Math.round(200_000 * scale)),
                    Math.max(100, (int) Math.round(100_000 * scale)), Math.max(5, (int) Math.round(1_000 * scale)));
        }

        /** Crush.lu journeys (ids 1..journeys). */
        public int journeys() {
            return Math.max(4, (int) Math.round(40 * scale));
        }

        /**
         * Journeys 1..playedJourneys() have progress rows in the data set; the others have none (workload 6's
         * players answer those).
         */
        public int playedJourneys() {
            return journeys() / 2;
        }
    }

    private final Spec spec;

    public DataSet(Spec spec) {
        this.spec = spec;
    }

    public Spec spec() {
        return spec;
    }

    /** Streams the whole data set into {@code sink}, in one transaction. Returns the rows written. */
    public long load(RowSink sink) {
        long[] rows = {0};
        sink.inTransaction(() -> {
            rows[0] += users(sink, new SplittableRandom(SEED));
            rows[0] += crushProfiles(sink, new SplittableRandom(SEED + 1));
            rows[0] += events(sink, new SplittableRandom(SEED + 2));
            rows[0] += plots(sink, new SplittableRandom(SEED + 3));
            rows[0] += entrepreneurs(sink, new SplittableRandom(SEED + 4));
            rows[0] += likes(sink, new SplittableRandom(SEED + 5));
            rows[0] += adoptionPlans(sink, new SplittableRandom(SEED + 6));
            rows[0] += journeys(sink, new SplittableRandom(SEED + 7));
        });
        return rows[0];
    }

    /** After a load with explicit ids: moves every identity past the loaded ids, and ANALYZE. */
    public static void finish(DataSource dataSource) {
        List<String> tables = List.of("auth_user", "crush_lu_crushprofile", "crush_lu_meetupevent",
                "crush_lu_eventregistration", "vinsdelux_vdlproducer", "vinsdelux_vdlplot", "entreprinder_skill",
                "entreprinder_industry", "entreprinder_entrepreneurprofile", "entreprinder_entrepreneurprofile_skills",
                "entreprinder_entrepreneurprofile_industries", "matching_like", "matching_dislike", "vinsdelux_vdlcoffret",
                "vinsdelux_vdladoptionplan", "vinsdelux_vdlplot_adoption_plans", "crush_lu_journeyconfiguration",
                "crush_lu_journeychapter", "crush_lu_journeychallenge", "crush_lu_journeyreward",
                "crush_lu_journeyprogress");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String t : tables) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), " // sql-constant: fixed names
                        + "coalesce((SELECT max(id) FROM " + t + "), 0) + 1, false)");
            }
            s.execute("VACUUM ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<Field<?>> f(Field<?>... fields) {
        return List.of(fields);
    }

    private static OffsetDateTime at(SplittableRandom r, int days) {
        return EPOCH.plusSeconds(r.nextLong(days * 86_400L)).plusNanos(r.nextInt(1_000_000) * 1_000L);
    }

    /** The user rows of an import: usernames {@code <prefix>_<i>}, ids left to the identity. */
    public static List<Field<?>> importUserFields() {
        return f(USER.PASSWORD, USER.LAST_LOGIN, USER.IS_SUPERUSER, USER.USERNAME, USER.FIRST_NAME, USER.LAST_NAME,
                USER.EMAIL, USER.IS_STAFF, USER.IS_ACTIVE, USER.DATE_JOINED);
    }

    /** Writes {@code n} new users (no ids) into {@code sink}, as an import of a CSV of accounts would. */
    public static void importUsers(RowSink sink, String prefix, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        sink.begin(USER, importUserFields());
        for (int i = 0; i < n; i++) {
            String first = FIRST[r.nextInt(FIRST.length)];
            String last = LAST[r.nextInt(LAST.length)];
            String username = prefix + "_" + i;
            sink.row(PASSWORD, r.nextInt(3) == 0 ? null : at(r, 2_000), false, username, first, last,
                    username + "@import.example.lu", false, true, at(r, 2_000));
        }
        sink.end();
    }

    private long users(RowSink sink, SplittableRandom r) {
        sink.begin(USER, f(USER.ID, USER.PASSWORD, USER.LAST_LOGIN, USER.IS_SUPERUSER, USER.USERNAME,
                USER.FIRST_NAME, USER.LAST_NAME, USER.EMAIL, USER.IS_STAFF, USER.IS_ACTIVE, USER.DATE_JOINED));
        for (long id = 1; id <= spec.users; id++) {
            String first = FIRST[r.nextInt(FIRST.length)];
            String last = LAST[r.nextInt(LAST.length)];
            String username = (first + "." + last).toLowerCase(Locale.ROOT) + id;
            sink.row(id, PASSWORD, r.nextInt(4) == 0 ? null : at(r, 2_500), id == 1, username, first, last,
                    username + "@example.lu", id <= 3, r.nextInt(100) >= 3, at(r, 2_400));
        }
        sink.end();
        return spec.users;
    }

    private long crushProfiles(RowSink sink, SplittableRandom r) {
        sink.begin(CRUSH_PROFILE, f(CRUSH_PROFILE.ID, CRUSH_PROFILE.USER_ID, CRUSH_PROFILE.DATE_OF_BIRTH,
                CRUSH_PROFILE.GENDER, CRUSH_PROFILE.LOCATION, CRUSH_PROFILE.BIO, CRUSH_PROFILE.PHONE,
                CRUSH_PROFILE.PHOTO_1, CRUSH_PROFILE.PHOTO_2, CRUSH_PROFILE.PHOTO_3, CRUSH_PROFILE.SHOW_FULL_NAME,
                CRUSH_PROFILE.SHOW_EXACT_AGE, CRUSH_PROFILE.BLUR_PHOTOS, CRUSH_PROFILE.IS_APPROVED,
                CRUSH_PROFILE.IS_ACTIVE, CRUSH_PROFILE.APPROVED_AT, CRUSH_PROFILE.INTERESTS));
        String[] interests = {"hiking", "wine", "cinema", "cooking", "running", "jazz", "travel", "board games"};
        for (int id = 1; id <= spec.crushUsers; id++) {
            boolean approved = r.nextInt(10) < 8;
            String i1 = interests[r.nextInt(interests.length)];
            String i2 = interests[r.nextInt(interests.length)];
            sink.row((long) id, (long) id, LocalDate.of(1970 + r.nextInt(36), 1 + r.nextInt(12), 1 + r.nextInt(28)),
                    r.nextBoolean() ? "M" : "F", TOWNS[r.nextInt(TOWNS.length)],
                    "Loves " + i1 + " and " + i2 + ". Looking for someone to share a glass of Crémant.",
                    "+352 621 " + (100_000 + r.nextInt(900_000)), "crush_photos/" + id + "_1.jpg", "", "",
                    true, true, false, approved, true, approved ? at(r, 2_400) : null,
                    JSONB.valueOf(i1.equals(i2) ? "[\"" + i1 + "\"]" : "[\"" + i1 + "\", \"" + i2 + "\"]"));
        }
        sink.end();
        return spec.crushUsers;
    }

    private long events(RowSink sink, SplittableRandom r) {
        sink.begin(MEETUP_EVENT, f(MEETUP_EVENT.ID, MEETUP_EVENT.TITLE, MEETUP_EVENT.DESCRIPTION,
                MEETUP_EVENT.EVENT_TYPE, MEETUP_EVENT.EVENT_DATE, MEETUP_EVENT.LOCATION,
                MEETUP_EVENT.MAX_PARTICIPANTS, MEETUP_EVENT.MIN_AGE, MEETUP_EVENT.MAX_AGE,
                MEETUP_EVENT.REGISTRATION_FEE, MEETUP_EVENT.REGISTRATION_DEADLINE, MEETUP_EVENT.IS_PUBLISHED,
                MEETUP_EVENT.IS_PRIVATE_INVITATION, MEETUP_EVENT.INVITATION_CODE, MEETUP_EVENT.IS_CANCELLED));
        for (int id = 1; id <= spec.events; id++) {
            String type = EVENT_TYPES[r.nextInt(EVENT_TYPES.length)];
            String town = TOWNS[r.nextInt(TOWNS.length)];
            // 2020-01-01 .. 2035-12-31: about 55 % of the events are still upcoming in 2026 (workload 1 lists the
            // next 50), and some will be for years, so the listing stays meaningful on any run date until 2035
            OffsetDateTime date = at(r, EVENT_DAYS);
            int min = 18 + r.nextInt(20);
            boolean priv = r.nextInt(20) == 0;
            sink.row((long) id, type.replace('_', ' ') + " night in " + town + " #" + id,
                    "An evening of " + type.replace('_', ' ') + " in " + town + ", drinks included.", type, date,
                    town, 60 + r.nextInt(90), min, min + 10 + r.nextInt(30),
                    BigDecimal.valueOf(r.nextInt(5_000), 2), date.minusDays(2), r.nextInt(10) < 9, priv,
                    priv ? "INV" + id : "", id % CANCELLED_EVERY == 0);
        }
        sink.end();
        // registrations: per event 100 distinct Crush.lu users (a window of consecutive ids from a random start)
        sink.begin(EVENT_REGISTRATION, f(EVENT_REGISTRATION.ID, EVENT_REGISTRATION.EVENT_ID,
                EVENT_REGISTRATION.USER_ID, EVENT_REGISTRATION.STATUS, EVENT_REGISTRATION.PAYMENT_CONFIRMED,
                EVENT_REGISTRATION.PAYMENT_DATE, EVENT_REGISTRATION.DIETARY_RESTRICTIONS,
                EVENT_REGISTRATION.SPECIAL_REQUESTS, EVENT_REGISTRATION.CREATED_AT));
        long id = 0;
        for (int event = 1; event <= spec.events; event++) {
            int start = r.nextInt(spec.crushUsers);
            for (int k = 0; k < spec.registrationsPerEvent; k++) {
                long user = 1 + (start + k) % spec.crushUsers;
                boolean paid = r.nextInt(3) > 0;
                OffsetDateTime created = at(r, 2_500);
                sink.row(++id, (long) event, user, REG_STATUS[r.nextInt(REG_STATUS.length)], paid,
                        paid ? created.plusHours(1) : null, r.nextInt(8) == 0 ? "vegetarian" : "", "", created);
            }
        }
        sink.end();
        return spec.events + id;
    }

    private long plots(RowSink sink, SplittableRandom r) {
        sink.begin(VDL_PRODUCER, f(VDL_PRODUCER.ID, VDL_PRODUCER.NAME, VDL_PRODUCER.REGION,
                VDL_PRODUCER.DESCRIPTION, VDL_PRODUCER.LOGO, VDL_PRODUCER.COORDINATES));
        for (int id = 1; id <= spec.producers; id++) {
            sink.row((long) id, "Domaine " + LAST[r.nextInt(LAST.length)] + " " + id, "Moselle",
                    "Family estate on the Moselle since " + (1850 + r.nextInt(150)) + ".", "producers/" + id + ".png",
                    point(49.4 + r.nextDouble() * 0.3, 6.3 + r.nextDouble() * 0.2));
        }
        sink.end();
        sink.begin(VDL_PLOT, f(VDL_PLOT.ID, VDL_PLOT.PRODUCER_ID, VDL_PLOT.NAME, VDL_PLOT.STATUS,
                VDL_PLOT.SIZE_HECTARES, VDL_PLOT.GRAPE_VARIETIES, VDL_PLOT.SOIL_TYPE, VDL_PLOT.ELEVATION,
                VDL_PLOT.COORDINATES));
        for (int id = 1; id <= spec.plots; id++) {
            String grape = GRAPES[r.nextInt(GRAPES.length)];
            sink.row((long) id, (long) (1 + r.nextInt(spec.producers)), "Parcelle " + grape + " " + id,
                    PLOT_STATUS[r.nextInt(PLOT_STATUS.length)], BigDecimal.valueOf(5 + r.nextInt(500), 2),
                    grape + ", " + GRAPES[r.nextInt(GRAPES.length)], SOILS[r.nextInt(SOILS.length)],
                    140 + r.nextInt(260), r.nextInt(5) == 0 ? null
                            : point(49.4 + r.nextDouble() * 0.3, 6.3 + r.nextDouble() * 0.2));
        }
        sink.end();
        return spec.producers + spec.plots;
    }

    /** A GeoJSON Point (what vinsdelux-dao stores and reads: {@code [longitude, latitude]}). */
    private static JSONB point(double lat, double lng) {
        return JSONB.valueOf("{\"type\": \"Point\", \"coordinates\": [" + lng + ", " + lat + "]}");
    }

    /**
     * VinsDelux adoption plans: 12 coffrets, {@code 1,000 x scale} plans (each with one coffret), and 0-3 distinct
     * plans per plot (about 1.5 on average: 75,000 links at scale 1.0). A separate seed stream, so the other tables
     * are the same as before this was added.
     */
    private long adoptionPlans(RowSink sink, SplittableRandom r) {
        int coffrets = 12;
        sink.begin(VDL_COFFRET, f(VDL_COFFRET.ID, VDL_COFFRET.NAME, VDL_COFFRET.BOTTLES, VDL_COFFRET.DESCRIPTION));
        for (int id = 1; id <= coffrets; id++) {
            int bottles = 3 * (1 + r.nextInt(4));
            sink.row((long) id, "Coffret " + GRAPES[r.nextInt(GRAPES.length)] + " " + id, bottles,
                    bottles + " bottles from the adopted plot, shipped after the harvest.");
        }
        sink.end();
        int plans = spec.adoptionPlans();
        sink.begin(VDL_ADOPTION_PLAN, f(VDL_ADOPTION_PLAN.ID, VDL_ADOPTION_PLAN.NAME, VDL_ADOPTION_PLAN.PRICE,
                VDL_ADOPTION_PLAN.DURATION_MONTHS, VDL_ADOPTION_PLAN.COFFRET_ID, VDL_ADOPTION_PLAN.IS_AVAILABLE));
        for (int id = 1; id <= plans; id++) {
            int months = 6 * (1 + r.nextInt(4));
            sink.row((long) id, "Adoption " + months + " months #" + id, BigDecimal.valueOf(9_900 + r.nextInt(90_000), 2),
                    months, (long) (1 + r.nextInt(coffrets)), r.nextInt(10) < 8);
        }
        sink.end();
        sink.begin(VDL_PLOT_ADOPTION_PLANS, f(VDL_PLOT_ADOPTION_PLANS.ID, VDL_PLOT_ADOPTION_PLANS.VDLPLOT_ID,
                VDL_PLOT_ADOPTION_PLANS.VDLADOPTIONPLAN_ID));
        long id = 0;
        for (int plot = 1; plot <= spec.plots; plot++) {
            for (long plan : distinct(r, r.nextInt(4), plans)) {
                sink.row(++id, (long) plot, plan);
            }
        }
        sink.end();
        return coffrets + plans + id;
    }

    /**
     * Crush.lu journeys ({@link Spec#journeys()}): 4-6 chapters each, 2-4 challenges per chapter (all six formats),
     * 1-2 rewards per chapter; progress rows for the first {@link Spec#playedJourneys()} only: each Crush.lu user has
     * one in each of them with probability 2/played (about two each), 1..all challenges completed in play order, with
     * the rewards, current chapter and completion the library would have stored. A separate seed stream, so the
     * other tables are the same as before this was added.
     */
    private long journeys(RowSink sink, SplittableRandom r) {
        int journeys = spec.journeys();
        long[][][] challenges = new long[journeys][][];
        long[][][] rewards = new long[journeys][][];
        long challengeId = 0;
        long rewardId = 0;
        int chapters = 0;
        for (int j = 0; j < journeys; j++) {
            challenges[j] = new long[4 + r.nextInt(3)][];
            rewards[j] = new long[challenges[j].length][];
            for (int c = 0; c < challenges[j].length; c++) {
                challenges[j][c] = new long[2 + r.nextInt(3)];
                for (int k = 0; k < challenges[j][c].length; k++) {
                    challenges[j][c][k] = ++challengeId;
                }
                rewards[j][c] = new long[r.nextInt(4) == 0 ? 2 : 1];
                for (int k = 0; k < rewards[j][c].length; k++) {
                    rewards[j][c][k] = ++rewardId;
                }
                chapters++;
            }
        }
        sink.begin(JOURNEY_CONFIGURATION, f(JOURNEY_CONFIGURATION.ID, JOURNEY_CONFIGURATION.NAME,
                JOURNEY_CONFIGURATION.DESCRIPTION, JOURNEY_CONFIGURATION.IS_ACTIVE, JOURNEY_CONFIGURATION.CREATED_AT));
        for (int j = 1; j <= journeys; j++) {
            sink.row((long) j, "A journey for " + FIRST[r.nextInt(FIRST.length)] + " #" + j,
                    "Riddles and memories from " + TOWNS[r.nextInt(TOWNS.length)] + " to the Moselle.", true,
                    at(r, 2_000));
        }
        sink.end();
        sink.begin(JOURNEY_CHAPTER, f(JOURNEY_CHAPTER.ID, JOURNEY_CHAPTER.JOURNEY_ID, JOURNEY_CHAPTER.CHAPTER_NUMBER,
                JOURNEY_CHAPTER.TITLE, JOURNEY_CHAPTER.DESCRIPTION));
        long chapterId = 0;
        for (int j = 0; j < journeys; j++) {
            for (int c = 0; c < challenges[j].length; c++) {
                String town = TOWNS[r.nextInt(TOWNS.length)];
                sink.row(++chapterId, (long) j + 1, c + 1, "Chapter " + (c + 1) + ": " + town,
                        "Where it all began: " + town + ".");
            }
        }
        sink.end();
        // "order" is left to its default (0; a reserved word in COPY's column list): play order is then by id
        sink.begin(JOURNEY_CHALLENGE, f(JOURNEY_CHALLENGE.ID, JOURNEY_CHALLENGE.CHAPTER_ID,
                JOURNEY_CHALLENGE.CHALLENGE_TYPE, JOURNEY_CHALLENGE.QUESTION, JOURNEY_CHALLENGE.CORRECT_ANSWER,
                JOURNEY_CHALLENGE.OPTIONS, JOURNEY_CHALLENGE.HINT));
        chapterId = 0;
        for (long[][] journey : challenges) {
            for (long[] chapter : journey) {
                chapterId++;
                for (long id : chapter) {
                    sink.row(challenge(r, id, chapterId));
                }
            }
        }
        sink.end();
        String[] rewardTypes = {"poem", "photo_reveal", "future_letter"};
        sink.begin(JOURNEY_REWARD, f(JOURNEY_REWARD.ID, JOURNEY_REWARD.CHAPTER_ID, JOURNEY_REWARD.REWARD_TYPE,
                JOURNEY_REWARD.TITLE, JOURNEY_REWARD.CONTENT, JOURNEY_REWARD.PHOTO));
        chapterId = 0;
        for (long[][] journey : rewards) {
            for (long[] chapter : journey) {
                chapterId++;
                for (long id : chapter) {
                    String type = rewardTypes[r.nextInt(rewardTypes.length)];
                    sink.row(id, chapterId, type, "A " + type.replace('_', ' ') + " for you",
                            "Every step of this journey brought me closer to you.",
                            type.equals("photo_reveal") ? "journey_rewards/" + id + ".jpg" : "");
                }
            }
        }
        sink.end();
        sink.begin(JOURNEY_PROGRESS, f(JOURNEY_PROGRESS.ID, JOURNEY_PROGRESS.USER_ID, JOURNEY_PROGRESS.JOURNEY_ID,
                JOURNEY_PROGRESS.CURRENT_CHAPTER, JOURNEY_PROGRESS.COMPLETED_CHALLENGES,
                JOURNEY_PROGRESS.UNLOCKED_REWARDS, JOURNEY_PROGRESS.COMPLETED, JOURNEY_PROGRESS.COMPLETED_AT));
        int played = spec.playedJourneys();
        long progress = 0;
        for (long user = 1; user <= spec.crushUsers; user++) {
            for (int j = 0; j < played; j++) {
                if (r.nextInt(played) >= 2) {
                    continue;
                }
                int total = 0;
                for (long[] chapter : challenges[j]) {
                    total += chapter.length;
                }
                int left = 1 + r.nextInt(total);
                StringBuilder completed = new StringBuilder("[");
                StringBuilder unlocked = new StringBuilder("[");
                int current = 0;
                for (int c = 0; c < challenges[j].length; c++) {
                    for (long id : challenges[j][c]) {
                        if (left > 0) {
                            completed.append(completed.length() > 1 ? ", " : "").append(id);
                            left--;
                        } else if (current == 0) {
                            current = c + 1;
                        }
                    }
                    if (current == 0) {
                        for (long id : rewards[j][c]) {
                            unlocked.append(unlocked.length() > 1 ? ", " : "").append(id);
                        }
                    }
                }
                boolean done = current == 0;
                sink.row(++progress, user, (long) j + 1, done ? challenges[j].length : current,
                        JSONB.valueOf(completed.append(']').toString()), JSONB.valueOf(unlocked.append(']').toString()),
                        done, done ? at(r, 2_400) : null);
            }
        }
        sink.end();
        return journeys + chapters + challengeId + rewardId + progress;
    }

    private static final String[][] RIDDLES = {
            {"I flow past Remich and Grevenmacher. What am I?", "Moselle", "A river"},
            {"Luxembourg's own sparkling wine?", "Crémant", "Bubbles"},
            {"The fair on the Glacis every late summer?", "Schueberfouer", ""},
            {"The castle town on the Our?", "Vianden", "Victor Hugo slept there"}};
    private static final String[] SCRAMBLED = {"Riesling", "Kachkéis", "Bouneschlupp", "Rivaner", "Quetschentaart"};
    private static final String[] MOMENTS = {"First message", "First coffee", "First date", "First trip",
            "First concert"};
    private static final String[][] RATHER = {{"Dinner in Vianden", "Picnic by the Moselle"},
            {"Hike in the Mullerthal", "Wine tasting in Remich"}};

    /** One challenge row (id, chapter_id, challenge_type, question, correct_answer, options, hint) of a random format. */
    private static Object[] challenge(SplittableRandom r, long id, long chapterId) {
        return switch (r.nextInt(6)) {
            case 0 -> {
                String[] q = RIDDLES[r.nextInt(RIDDLES.length)];
                yield new Object[] {id, chapterId, "riddle", q[0], q[1], null, q[2]};
            }
            case 1 -> {
                long[] towns = distinct(r, 3, TOWNS.length);
                List<String> options = List.of(TOWNS[(int) towns[0] - 1], TOWNS[(int) towns[1] - 1],
                        TOWNS[(int) towns[2] - 1]);
                yield new Object[] {id, chapterId, "multiple_choice", "Where did we first meet?",
                        options.get(r.nextInt(3)), jsonStrings(options), r.nextBoolean() ? "Near the water" : ""};
            }
            case 2 -> {
                String word = SCRAMBLED[r.nextInt(SCRAMBLED.length)];
                char[] letters = word.toLowerCase(Locale.ROOT).toCharArray();
                for (int i = letters.length - 1; i > 0; i--) {
                    int k = r.nextInt(i + 1);
                    char t = letters[i];
                    letters[i] = letters[k];
                    letters[k] = t;
                }
                yield new Object[] {id, chapterId, "word_scramble", "Unscramble: " + new String(letters), word, null,
                        r.nextBoolean() ? "Something to eat or drink" : ""};
            }
            case 3 -> {
                int n = 3 + r.nextInt(2);
                List<String> right = List.of(MOMENTS).subList(0, n);
                String[] shown = right.toArray(String[]::new);
                for (int i = n - 1; i > 0; i--) {
                    int k = r.nextInt(i + 1);
                    String t = shown[i];
                    shown[i] = shown[k];
                    shown[k] = t;
                }
                yield new Object[] {id, chapterId, "timeline_sort", "Put our story in order.",
                        jsonStrings(right).data(), jsonStrings(List.of(shown)), ""};
            }
            case 4 -> new Object[] {id, chapterId, "would_you_rather", "Would you rather...",
                    "", jsonStrings(List.of(RATHER[r.nextInt(RATHER.length)])), ""};
            default -> new Object[] {id, chapterId, "open_text", "What do you remember of our first evening?", "",
                    null, ""};
        };
    }

    /** A JSON array of strings (no quotes or backslashes in them here). */
    private static JSONB jsonStrings(List<String> values) {
        return JSONB.valueOf("[\"" + String.join("\", \"", values) + "\"]");
    }

    private long entrepreneurs(RowSink sink, SplittableRandom r) {
        sink.begin(SKILL, f(SKILL.ID, SKILL.NAME, SKILL.NAME_KEY));
        for (int id = 1; id <= SKILLS; id++) {
            sink.row((long) id, "Skill " + id, "skill " + id);
        }
        sink.end();
        sink.begin(INDUSTRY, f(INDUSTRY.ID, INDUSTRY.NAME, INDUSTRY.NAME_KEY));
        for (int id = 1; id <= INDUSTRIES; id++) {
            sink.row((long) id, "Industry " + id, "industry " + id);
        }
        sink.end();
        sink.begin(ENTREPRENEUR_PROFILE, f(ENTREPRENEUR_PROFILE.ID, ENTREPRENEUR_PROFILE.USER_ID,
                ENTREPRENEUR_PROFILE.HEADLINE, ENTREPRENEUR_PROFILE.BIO, ENTREPRENEUR_PROFILE.LINKEDIN_URL,
                ENTREPRENEUR_PROFILE.PROFILE_PHOTO));
        String[] roles = {"Founder", "CTO", "Designer", "Consultant", "Engineer", "Investor", "Marketer", "Chef"};
        for (int id = 1; id <= spec.profiles; id++) {
            String role = roles[r.nextInt(roles.length)];
            String town = TOWNS[r.nextInt(TOWNS.length)];
            sink.row((long) id, (long) id, role + " in " + town,
                    role + " based in " + town + ", building products for the Greater Region since "
                            + (2000 + r.nextInt(26)) + ".",
                    r.nextBoolean() ? "https://www.linkedin.com/in/user" + id : "", "profiles/" + id + ".jpg");
        }
        sink.end();
        // skills: 2-6 per profile; industries: 1-2 per profile
        sink.begin(ENTREPRENEUR_PROFILE_SKILLS, f(ENTREPRENEUR_PROFILE_SKILLS.ID,
                ENTREPRENEUR_PROFILE_SKILLS.ENTREPRENEURPROFILE_ID, ENTREPRENEUR_PROFILE_SKILLS.SKILL_ID));
        long sid = 0;
        for (int p = 1; p <= spec.profiles; p++) {
            for (long s : distinct(r, 2 + r.nextInt(5), SKILLS)) {
                sink.row(++sid, (long) p, s);
            }
        }
        sink.end();
        sink.begin(ENTREPRENEUR_PROFILE_INDUSTRIES, f(ENTREPRENEUR_PROFILE_INDUSTRIES.ID,
                ENTREPRENEUR_PROFILE_INDUSTRIES.ENTREPRENEURPROFILE_ID, ENTREPRENEUR_PROFILE_INDUSTRIES.INDUSTRY_ID));
        long iid = 0;
        for (int p = 1; p <= spec.profiles; p++) {
            for (long s : distinct(r, 1 + r.nextInt(2), INDUSTRIES)) {
                sink.row(++iid, (long) p, s);
            }
        }
        sink.end();
        return SKILLS + INDUSTRIES + spec.profiles + sid + iid;
    }

    /** {@code n} distinct values in 1..max, uniformly. */
    private static long[] distinct(SplittableRandom r, int n, int max) {
        long[] out = new long[n];
        int k = 0;
        while (k < n) {
            long v = 1 + r.nextInt(max);
            boolean seen = false;
            for (int i = 0; i < k; i++) {
                seen |= out[i] == v;
            }
            if (!seen) {
                out[k++] = v;
            }
        }
        return out;
    }

    private long likes(RowSink sink, SplittableRandom r) {
        sink.begin(LIKE, f(LIKE.ID, LIKE.FROM_USER_ID, LIKE.TO_USER_ID, LIKE.CREATED_AT));
        java.util.HashSet<Long> seen = new java.util.HashSet<>(spec.likes * 2);
        long id = 0;
        while (id < spec.likes) {
            long from = 1 + r.nextInt(spec.users);
            long to = 1 + r.nextInt(spec.users);
            if (from == to || !seen.add(from << 32 | to)) {
                continue;
            }
            sink.row(++id, from, to, at(r, 2_500));
        }
        sink.end();
        // Half as many dislikes, never of a pair that is liked (the service keeps the two exclusive): workload 7's
        // rule "a disliked user is never a candidate" then reads real rows on every side.
        sink.begin(DISLIKE, f(DISLIKE.ID, DISLIKE.FROM_USER_ID, DISLIKE.TO_USER_ID, DISLIKE.CREATED_AT));
        long dislikeId = 0;
        while (dislikeId < spec.likes / 2) {
            long from = 1 + r.nextInt(spec.users);
            long to = 1 + r.nextInt(spec.users);
            if (from == to || !seen.add(from << 32 | to)) {
                continue;
            }
            sink.row(++dislikeId, from, to, at(r, 2_500));
        }
        sink.end();
        return id + dislikeId;
    }
}
