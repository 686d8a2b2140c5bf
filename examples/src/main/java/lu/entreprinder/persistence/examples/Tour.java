package lu.entreprinder.persistence.examples;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.StatementCount;
import lu.entreprinder.persistence.crushlu.CoachReviewResult;
import lu.entreprinder.persistence.crushlu.CoachSharingResult;
import lu.entreprinder.persistence.crushlu.ConnectionRequestResult;
import lu.entreprinder.persistence.crushlu.ConnectionResponseResult;
import lu.entreprinder.persistence.crushlu.ConnectionService;
import lu.entreprinder.persistence.crushlu.ContactConsentResult;
import lu.entreprinder.persistence.crushlu.ContactDetailsResult;
import lu.entreprinder.persistence.crushlu.ScreeningCallResult;
import lu.entreprinder.persistence.crushlu.CoachReviewService;
import lu.entreprinder.persistence.crushlu.CoachWorkload;
import lu.entreprinder.persistence.crushlu.EventDao;
import lu.entreprinder.persistence.crushlu.NewEvent;
import lu.entreprinder.persistence.crushlu.EventFilter;
import lu.entreprinder.persistence.crushlu.EventListItem;
import lu.entreprinder.persistence.crushlu.EventType;
import lu.entreprinder.persistence.crushlu.JourneyAnswer;
import lu.entreprinder.persistence.crushlu.JourneyAnswerResult;
import lu.entreprinder.persistence.crushlu.NewJourneyChallenge;
import lu.entreprinder.persistence.crushlu.JourneyDao;
import lu.entreprinder.persistence.crushlu.JourneyFinalResponseResult;
import lu.entreprinder.persistence.crushlu.JourneyHintResult;
import lu.entreprinder.persistence.crushlu.JourneyPieceResult;
import lu.entreprinder.persistence.crushlu.JourneyPlay;
import lu.entreprinder.persistence.crushlu.JourneyProgressView;
import lu.entreprinder.persistence.crushlu.JourneyPuzzleView;
import lu.entreprinder.persistence.crushlu.JourneyRewardType;
import lu.entreprinder.persistence.crushlu.JourneyService;
import lu.entreprinder.persistence.crushlu.JourneyStanding;
import lu.entreprinder.persistence.crushlu.ProfileDao;
import lu.entreprinder.persistence.crushlu.ProfileFilter;
import lu.entreprinder.persistence.crushlu.NewCrushProfile;
import lu.entreprinder.persistence.crushlu.ProfilePublicView;
import lu.entreprinder.persistence.crushlu.RegistrationCancelResult;
import lu.entreprinder.persistence.crushlu.RegistrationDetails;
import lu.entreprinder.persistence.crushlu.RegistrationListener;
import lu.entreprinder.persistence.crushlu.RegistrationResult;
import lu.entreprinder.persistence.crushlu.RegistrationService;
import lu.entreprinder.persistence.crushlu.SubmissionReceipt;
import lu.entreprinder.persistence.entreprinder.EntrepreneurProfileDao;
import lu.entreprinder.persistence.entreprinder.NewProfile;
import lu.entreprinder.persistence.entreprinder.NewUser;
import lu.entreprinder.persistence.entreprinder.ProfileDetails;
import lu.entreprinder.persistence.entreprinder.ProfileHit;
import lu.entreprinder.persistence.entreprinder.SearchDao;
import lu.entreprinder.persistence.entreprinder.TagSet;
import lu.entreprinder.persistence.entreprinder.UserCreationResult;
import lu.entreprinder.persistence.entreprinder.UserDao;
import lu.entreprinder.persistence.matching.LikeResult;
import lu.entreprinder.persistence.matching.MatchingDao;
import lu.entreprinder.persistence.matching.MatchingService;
import lu.entreprinder.persistence.matching.UserMatch;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import lu.entreprinder.persistence.vinsdelux.AdoptionPlanDao;
import lu.entreprinder.persistence.vinsdelux.CoffretDao;
import lu.entreprinder.persistence.vinsdelux.ConfirmResult;
import lu.entreprinder.persistence.vinsdelux.NewAdoptionPlan;
import lu.entreprinder.persistence.vinsdelux.NewCoffret;
import lu.entreprinder.persistence.vinsdelux.NewProducer;
import lu.entreprinder.persistence.vinsdelux.PlotDao;
import lu.entreprinder.persistence.vinsdelux.PlotDetails;
import lu.entreprinder.persistence.vinsdelux.PlotReservationService;
import lu.entreprinder.persistence.vinsdelux.ProducerDao;
import lu.entreprinder.persistence.vinsdelux.ProducerSummary;
import lu.entreprinder.persistence.vinsdelux.ReservationEvent;
import lu.entreprinder.persistence.vinsdelux.ReservationListener;
import lu.entreprinder.persistence.vinsdelux.ReserveResult;
import lu.entreprinder.persistence.vinsdelux.UserReservation;
import lu.entreprinder.persistence.crushlu.MutualRating;
import lu.entreprinder.persistence.crushlu.PresenterResult;
import lu.entreprinder.persistence.crushlu.RatingResult;
import lu.entreprinder.persistence.crushlu.VotingCloseResult;
import lu.entreprinder.persistence.crushlu.VotingDao;
import lu.entreprinder.persistence.crushlu.VotingOpenResult;
import lu.entreprinder.persistence.crushlu.VotingService;
import lu.entreprinder.persistence.matching.Candidate;
import lu.entreprinder.persistence.matching.DislikeResult;
import lu.entreprinder.persistence.vinsdelux.ReserveAllResult;
import org.jooq.impl.DSL;

/**
 * A scripted tour of the library through the four domains' DAOs and services. With no argument it runs on a fresh
 * SQLite file ({@code target/entreprinder-tour.db}, deleted first, so re-running starts clean); with a JDBC URL
 * ({@code -Dexec.args=jdbc:postgresql://127.0.0.1:5432/tour?user=postgres}) it runs on that database, which must be
 * empty (it is migrated and filled with demo rows; the tour refuses a database whose {@code auth_user} has rows).
 *
 * <p>Every step prints what happened and how many SQL statements it ran ({@link Database#countStatements()}). Time
 * comes from a {@link MutableClock} that starts at {@link #START} and moves only when the tour advances it.
 */
public final class Tour {

    /** Where the tour's clock starts. */
    public static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final Database db;
    private final MutableClock clock;
    private final PrintStream out;
    private int step;

    private final UserDao users;
    private final EntrepreneurProfileDao entrepreneurs;
    private final SearchDao search;
    private final ProfileDao profiles;
    private final EventDao events;
    private final RegistrationService registrations;
    private final CoachReviewService reviews;
    private final CoachReviewService seedReviews;
    private final JourneyDao journeys;
    private final JourneyService journey;
    private final ProducerDao producers;
    private final CoffretDao coffrets;
    private final AdoptionPlanDao adoptionPlans;
    private final PlotDao plots;
    private final PlotReservationService reservations;
    private final MatchingService matching;
    private final MatchingDao matches;
    private final ConnectionService connections;

    // what the seed created, by readable name
    private final Map<String, Long> user = new LinkedHashMap<>();
    private final Map<Long, String> nameOf = new HashMap<>();
    private final Map<String, Long> profile = new HashMap<>();
    private final Map<Long, String> plotName = new HashMap<>();
    private final Map<Long, String> coachName = new HashMap<>();
    private long speedDating;
    private long mixer;
    private long journeyId;
    private final Map<String, Long> challenge = new HashMap<>();

    /**
     * A tour over {@code db}, which must have been opened with {@code clock} (see {@link #config}).
     */
    Tour(Database db, MutableClock clock, PrintStream out) {
        this.db = db;
        this.clock = clock;
        this.out = out;
        this.users = new UserDao(db);
        this.entrepreneurs = new EntrepreneurProfileDao(db);
        this.search = new SearchDao(db);
        this.profiles = new ProfileDao(db);
        this.events = new EventDao(db);
        this.registrations = new RegistrationService(db, promotionNotice());
        this.reviews = new CoachReviewService(db, notice -> say("[after commit] e-mail to %s: your profile was %s. %s",
                notice.email(), notice.outcome().dbValue(), notice.feedbackToUser()));
        this.seedReviews = new CoachReviewService(db, lu.entreprinder.persistence.crushlu.CoachReviewListener.none());
        this.journeys = new JourneyDao(db);
        this.journey = new JourneyService(db);
        this.producers = new ProducerDao(db);
        this.coffrets = new CoffretDao(db);
        this.adoptionPlans = new AdoptionPlanDao(db);
        this.plots = new PlotDao(db);
        this.reservations = new PlotReservationService(db, reservationNotices());
        this.matching = new MatchingService(db);
        this.matches = new MatchingDao(db);
        this.connections = new ConnectionService(db);
    }

    /** The configuration the tour opens: the generated schema (constraint names on SQLite) and the tour's clock. */
    static DatabaseConfig config(String jdbcUrl, MutableClock clock) {
        return DatabaseConfig.builder(jdbcUrl).schema(DefaultSchema.DEFAULT_SCHEMA).clock(clock).build();
    }

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        String url = args.length > 0 ? args[0] : freshSqliteFile();
        MutableClock clock = new MutableClock(START);
        try (Database db = Database.open(config(url, clock))) {
            new Tour(db, clock, System.out).run();
        }
        System.out.printf("%nTour finished in %d ms.%n", (System.nanoTime() - started) / 1_000_000);
    }

    private static String freshSqliteFile() throws IOException {
        Path file = Path.of("target", "entreprinder-tour.db");
        Files.createDirectories(file.getParent());
        boolean existed = Files.exists(file);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        System.out.println((existed ? "Deleted the previous run's file; using a fresh SQLite file: "
                : "Using a fresh SQLite file: ") + file.toAbsolutePath());
        return "jdbc:sqlite:" + file;
    }

    // =================================================================================================== the tour

    void run() {
        out.printf("Database: %s (%s). The tour's clock starts at %s and moves only when the tour says so.%n",
                db.dialect(), db.isSqlite() ? "embedded file" : "server", START);

        refuseNonEmptyDatabase();
        step("Migrate the schema (Flyway runs on its own connection: its SQL is not counted)", () -> {
            Database.MigrationResult migrated = db.migrate();
            say("applied %d migrations; schema now at version %s", migrated.appliedVersions().size(),
                    migrated.schemaVersion());
            return null;
        });

        step("Seed users and Crush.lu profiles (one transaction)", () -> db.inTransaction(tx -> {
            seedUsersAndProfiles();
            return null;
        }));
        step("Seed events, a journey with 2 chapters, the vineyard and entrepreneur profiles", () -> db.inTransaction(tx -> {
            seedEvents();
            seedJourney();
            seedVineyard();
            seedEntrepreneurs();
            return null;
        }));

        browseProfiles();
        listEvents("anna");
        registerUntilTheWaitlist();
        cancelAndPromote();
        listEvents("david");
        submitAndApprove();
        playJourney();
        reservePlots();
        expireAndSweep();
        likeAndMatch();
        searchProfiles();
        raiseCapacityAndInviteAGuest();
        journeyPointsAndPuzzle();
        screeningCallThenConnectionAndSharedContacts();
        dislikeReserveAllAndVote();
    }

    /** The tour writes fixed usernames: it needs a database without users (a fresh file, or a new database). */
    private void refuseNonEmptyDatabase() {
        boolean hasUserTable = db.isSqlite()
                ? db.dsl().fetchExists(DSL.table(DSL.name("sqlite_master")),
                        DSL.field(DSL.name("type")).eq("table"), DSL.field(DSL.name("name")).eq("auth_user"))
                : db.dsl().fetchExists(DSL.table(DSL.name("information_schema", "tables")),
                        DSL.field(DSL.name("table_name")).eq("auth_user"),
                        DSL.field(DSL.name("table_schema")).eq(DSL.field("current_schema()", String.class)));
        if (hasUserTable) {
            int rows = db.dsl().fetchCount(USER);
            if (rows > 0) {
                throw new IllegalStateException("The tour needs an empty database, but auth_user already has " + rows
                        + " rows. Create a new one (createdb -h 127.0.0.1 -U postgres tour_$RANDOM) and pass its "
                        + "JDBC URL, or run without an argument for a fresh SQLite file.");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- seeding

    private void seedUsersAndProfiles() {
        member("anna", "Anna", "Muller", LocalDate.of(1995, 4, 12), "F", true, List.of("hiking", "wine", "jazz"));
        member("ben", "Ben", "Weber", LocalDate.of(1992, 9, 3), "M", true, List.of("wine", "cycling"));
        member("carla", "Carla", "Rossi", LocalDate.of(1997, 1, 20), "F", false, List.of("dancing", "travel"));
        member("david", "David", "Schmit", LocalDate.of(1990, 11, 30), "M", true, List.of("hiking", "cooking"));
        member("emma", "Emma", "Klein", LocalDate.of(1999, 7, 8), "F", false, List.of("wine", "travel"));
        member("felix", "Felix", "Hoffmann", LocalDate.of(1994, 2, 14), "M", true, List.of("photography"));
        long sophie = createUser("sophie", "Sophie", "Lang");
        long coachId = seedReviews.insertCoach(sophie, "first impressions", "Coach at Crush.lu since 2021.", 5);
        coachName.put(coachId, "Sophie");
        // everyone but Felix was reviewed already (Felix submits during the tour)
        for (String name : List.of("anna", "ben", "carla", "david", "emma")) {
            SubmissionReceipt receipt = seedReviews.submit(profile.get(name));
            seedReviews.recordScreeningCall(receipt.submissionId(), receipt.coachId().orElseThrow(), db.today(), "");
            seedReviews.approve(receipt.submissionId(), receipt.coachId().orElseThrow(), "", "Welcome!");
        }
        say("7 users (6 members, coach Sophie), 6 Crush.lu profiles; 5 approved by Sophie, Felix's not yet submitted");
    }

    private void member(String username, String first, String last, LocalDate born, String gender, boolean fullName,
                        List<String> interests) {
        long id = createUser(username, first, last);
        profile.put(username, profiles.insertProfile(id, new NewCrushProfile(born, gender, "Luxembourg",
                "Hi, I'm " + first + ".", "+352 621 000 " + (100 + user.size()), List.of("crush_profiles/" + username
                + ".jpg"), fullName, true, false, interests)));
    }

    private long createUser(String username, String first, String last) {
        UserCreationResult created = users.createUser(
                new NewUser(username, username + "@example.lu", "pbkdf2_sha256$demo", first, last));
        if (!(created instanceof UserCreationResult.Created c)) {
            throw new IllegalStateException("could not create " + username + ": " + created);
        }
        user.put(username, c.userId());
        nameOf.put(c.userId(), username);
        return c.userId();
    }

    private void seedEvents() {
        OffsetDateTime in10days = at(10, 19, 0);
        speedDating = events.insertEvent(new NewEvent("Speed Dating Night", "Ten dates of five minutes each.",
                EventType.SPEED_DATING, in10days, "Café des Artistes, Luxembourg-Grund", 3, 25, 45,
                new BigDecimal("15.00"), in10days.minusDays(1), true, false, ""));
        OffsetDateTime in17days = at(17, 18, 30);
        mixer = events.insertEvent(new NewEvent("Wine & Mingle Mixer", "Meet over a glass of Moselle Riesling.",
                EventType.MIXER, in17days, "Domaine Hartmann, Wormeldange", 20, 25, 55, new BigDecimal("25.00"),
                in17days.minusDays(2), true, false, ""));
        events.insertEvent(new NewEvent("Mullerthal Hike", "Draft: route not final.", EventType.ACTIVITY,
                at(24, 10, 0), "Echternach", 12, 18, 99, BigDecimal.ZERO, at(22, 10, 0), false, false, ""));
        events.insertEvent(new NewEvent("Valentine's Masquerade", "Last winter's ball.", EventType.THEMED,
                at(-100, 20, 0), "Cercle Cité", 80, 18, 99, new BigDecimal("30.00"), at(-101, 20, 0), true, false,
                ""));
        say("4 events: Speed Dating Night (3 places), Wine & Mingle Mixer (20), a draft hike, a past ball");
    }

    private void seedJourney() {
        journeyId = journeys.insertJourney("Anna's Luxembourg story", "Two chapters about the city.", true);
        long one = journeys.insertChapter(journeyId, 1, "Where it all began", "The old town.");
        challenge.put("riddle", journeys.insertChallenge(one, NewJourneyChallenge.riddle(
                "I have a Grund but no garden, and casemates under my rock. Which city am I?", "Luxembourg",
                "Capital of a Grand Duchy.", 1)));
        challenge.put("river", journeys.insertChallenge(one, NewJourneyChallenge.multipleChoice(
                "Which river runs through the Grund?", List.of("Moselle", "Alzette", "Sûre"), "Alzette", "", 2)));
        journeys.insertReward(one, JourneyRewardType.POEM, "A poem for the Grund",
                "Under the bridges, the Alzette keeps our secrets…", "");
        long two = journeys.insertChapter(journeyId, 2, "What comes next", "The future.");
        challenge.put("scramble", journeys.insertChallenge(two, NewJourneyChallenge.wordScramble(
                "Unscramble: LEOMLES", "Moselle", "", 1)));
        challenge.put("timeline", journeys.insertChallenge(two, NewJourneyChallenge.timelineSort(
                "Put our year in order", List.of("Wine tasting", "First date", "Hike"),
                List.of("First date", "Hike", "Wine tasting"), "", 2)));
        journeys.insertReward(two, JourneyRewardType.FUTURE_LETTER, "A letter to future us", "Dear us, …", "");
        say("journey \"Anna's Luxembourg story\": 2 chapters, 4 challenges, 2 rewards");
    }

    private void seedVineyard() {
        long producer = producers.insertProducer(new NewProducer("Domaine Hartmann", "Moselle",
                "Family estate on the Wormeldange slopes.", "producers/hartmann.png", null));
        long coffret = coffrets.insertCoffret(new NewCoffret("Discovery coffret", 6, "Six bottles of the plot's wine."));
        long plan = adoptionPlans.insertAdoptionPlan(new NewAdoptionPlan("One-year adoption", new BigDecimal("240.00"), 12,
                coffret, true));
        for (String[] p : new String[][] {{"Koeppchen parcel A", "0.25", "Riesling"},
                {"Koeppchen parcel B", "0.30", "Pinot Gris"}, {"Wellenstein terrace", "0.20", "Auxerrois"}}) {
            long plot = plots.insertPlot(new PlotDetails(producer, p[0], new BigDecimal(p[1]), p[2], "limestone",
                    210, null));
            plots.linkPlotToPlan(plot, plan);
            plotName.put(plot, p[0]);
        }
        say("producer Domaine Hartmann with 3 plots, each offering the one-year adoption plan (EUR 240, 6 bottles)");
    }

    private void seedEntrepreneurs() {
        entrepreneur("anna", "Fintech founder building open-banking APIs",
                "Ten years in Luxembourg banking, now making payments simple.", TagSet.ofNames("Fintech", "Banking"),
                TagSet.ofNames("Java", "Product management"));
        entrepreneur("ben", "Winemaker taking Moselle vineyards online",
                "Sustainable wine from the Moselle, sold direct to adopters.", TagSet.ofNames("Wine", "E-commerce"),
                TagSet.ofNames("Viticulture", "Marketing"));
        entrepreneur("carla", "Sustainable fashion entrepreneur",
                "Upcycled clothing made in the Greater Region.", TagSet.ofNames("Fashion", "Sustainability"),
                TagSet.ofNames("Design", "Marketing"));
        entrepreneur("david", "Data scientist for food and drink startups",
                "Forecasting demand for restaurants, bakeries and wine shops.",
                TagSet.ofNames("Food & Beverage", "Fintech"), TagSet.ofNames("Python", "Machine learning"));
        say("4 entrepreneur profiles with 7 industries and 7 skills (created by name)");
    }

    private void entrepreneur(String username, String headline, String bio, TagSet industries, TagSet skills) {
        entrepreneurs.insertProfile(new NewProfile(user.get(username),
                new ProfileDetails(headline, bio, null, null), industries, skills));
    }

    // ------------------------------------------------------------------------------------------ headline steps

    private void browseProfiles() {
        step("Browse approved Crush.lu profiles interested in wine (JSON containment on interests)", () -> {
            for (ProfilePublicView p : profiles.listPublicProfiles(ProfileFilter.any().withAllInterests("wine"),
                    PageRequest.first()).items()) {
                say("%s, %s (%s), interests %s", p.displayName(),
                        p.age().isPresent() ? String.valueOf(p.age().getAsInt()) : "age hidden", p.ageRange(),
                        p.interests());
            }
            return null;
        });
    }

    private void listEvents(String viewer) {
        step("Upcoming published events as " + viewer + " sees them (counts and the viewer's status included)", () -> {
            for (EventListItem e : events.listEventsForViewer(user.get(viewer),
                    EventFilter.all().published().upcoming(), PageRequest.first()).items()) {
                say("%s, %s: %d/%d confirmed, %d waitlisted, %d spots left, registration %s; %s: %s", e.title(),
                        WHEN.format(e.eventDate().atZoneSameInstant(db.zone())), e.confirmedCount(),
                        e.maxParticipants(), e.waitlistCount(), e.spotsRemaining(),
                        e.full() ? "full" : e.registrationOpen() ? "open" : "closed", viewer,
                        e.viewerStatus().map(s -> s.dbValue()).orElse("not registered"));
            }
            return null;
        });
    }

    private void registerUntilTheWaitlist() {
        step("Register for Speed Dating Night (3 places) until the waitlist starts", () -> {
            for (String name : List.of("anna", "ben", "carla", "david", "emma")) {
                Counted<RegistrationResult> r = counted(() ->
                        registrations.register(user.get(name), speedDating, RegistrationDetails.none()));
                String what = switch (r.value()) {
                    case RegistrationResult.Confirmed c -> "confirmed";
                    case RegistrationResult.Waitlisted w -> "event full: waitlisted at position " + w.position();
                    default -> "refused: " + r.value();
                };
                say("%s -> %s (%d SQL)", name, what, r.statements());
            }
            return null;
        });
    }

    private void cancelAndPromote() {
        step("Ben cancels: the oldest waitlisted registration takes his place", () -> {
            Counted<RegistrationCancelResult> r = counted(() -> registrations.cancel(user.get("ben"), speedDating));
            if (r.value() instanceof RegistrationCancelResult.Cancelled c) {
                say("ben -> cancelled; promoted: %s (%d SQL, the notice above ran after the commit)",
                        c.promoted().map(p -> nameOf.get(p.userId())).orElse("nobody"), r.statements());
            } else {
                say("ben -> %s", r.value());
            }
            return null;
        });
    }

    private RegistrationListener promotionNotice() {
        return promotion -> say("[after commit] promotion notified: e-mail to %s: a place opened up, you are confirmed",
                nameOf.get(promotion.userId()));
    }

    private void submitAndApprove() {
        long felix = profile.get("felix");
        SubmissionReceipt submitted = step(
                "Felix submits his profile: assign_coach picks the coach with the fewest pending reviews", () -> {
                    SubmissionReceipt r = reviews.submit(felix);
                    say("submission %d: coach assigned: %s", r.submissionId(),
                            r.coachId().isPresent() ? coachName.get(r.coachId().getAsLong()) : "none has capacity");
                    return r;
                });
        step("Sophie approves Felix's profile; the e-mail goes out after the commit", () -> {
            for (CoachWorkload w : reviews.listCoachWorkloads()) {
                say("%s has %d of %d reviews pending (can accept more: %s)", coachName.get(w.coachId()), w.pending(),
                        w.maxActiveReviews(), w.canAcceptReviews() ? "yes" : "no");
            }
            reviews.recordScreeningCall(submitted.submissionId(), submitted.coachId().orElseThrow(), db.today(),
                    "Phoned Felix: genuine, relaxed.");
            Counted<CoachReviewResult> r = counted(() -> reviews.approve(submitted.submissionId(),
                    submitted.coachId().orElseThrow(), "Good photos.", "Welcome to Crush.lu!"));
            say("approve -> %s (%d SQL)", r.value() instanceof CoachReviewResult.Reviewed ? "approved" : r.value(),
                    r.statements());
            Counted<RegistrationResult> reg = counted(() ->
                    registrations.register(user.get("felix"), mixer, RegistrationDetails.none()));
            say("felix registers for the Wine & Mingle Mixer -> %s (%d SQL)",
                    reg.value() instanceof RegistrationResult.Confirmed ? "confirmed" : reg.value(), reg.statements());
            return null;
        });
    }

    private void playJourney() {
        step("Anna plays her journey: answers are checked, chapter 1's reward unlocks", () -> {
            answer("riddle", new JourneyAnswer.Text("Paris"));
            answer("scramble", new JourneyAnswer.Text("Moselle"));
            answer("riddle", new JourneyAnswer.Text("  luxembourg "));
            answer("river", new JourneyAnswer.Choice("Alzette"));
            for (JourneyStanding s : journey.listJourneyStandings(journeyId)) {
                say("standings: %s is in chapter %d with %d of %d challenges", s.username(), s.currentChapter(),
                        s.completedChallenges(), s.totalChallenges());
            }
            return null;
        });
    }

    private void answer(String which, JourneyAnswer answer) {
        Counted<JourneyAnswerResult> r = counted(() -> journey.answer(user.get("anna"), challenge.get(which), answer));
        String what = switch (r.value()) {
            case JourneyAnswerResult.Incorrect i -> "wrong" + (i.hintAvailable() ? " (a hint is available)" : "");
            case JourneyAnswerResult.ChapterLocked l -> "locked: chapter " + l.chapterNumber()
                    + " opens after chapter " + l.currentChapter();
            case JourneyAnswerResult.AlreadyCompleted a -> "already completed";
            case JourneyAnswerResult.Correct c -> "right" + (c.chapterCompleted() ? ", chapter completed" : "")
                    + (c.unlockedRewards().isEmpty() ? "" : "; reward unlocked: " + rewardTitles(c.unlockedRewards()));
        };
        say("%s: %s -> %s (%d SQL)", which, describe(answer), what, r.statements());
    }

    private List<String> rewardTitles(List<Long> ids) {
        // the answer carries reward ids only; their titles come from the journey's play projection
        return journeys.getJourneyForPlay(journeyId).chapters().stream()
                .flatMap(c -> c.rewards().stream())
                .filter(w -> ids.contains(w.rewardId()))
                .map(JourneyPlay.Reward::title)
                .toList();
    }

    private static String describe(JourneyAnswer answer) {
        return switch (answer) {
            case JourneyAnswer.Text t -> "\"" + t.text() + "\"";
            case JourneyAnswer.Choice c -> "\"" + c.option() + "\"";
            case JourneyAnswer.Order o -> o.items().toString();
        };
    }

    private final Map<String, Long> reservation = new HashMap<>();

    private void reservePlots() {
        step("Reserve vineyard plots (each reserve() locks the plot row)", () -> {
            reserve("anna", "Koeppchen parcel A", Duration.ofDays(3));
            reserve("ben", "Koeppchen parcel B", Duration.ofDays(1));
            reserve("carla", "Koeppchen parcel A", Duration.ofDays(1));
            return null;
        });
        step("Anna confirms her reservation: the plot is adopted", () -> {
            Counted<ConfirmResult> r = counted(() -> reservations.confirm(user.get("anna"), reservation.get("anna")));
            say("anna confirms -> %s (%d SQL)", r.value() instanceof ConfirmResult.Confirmed ? "confirmed" : r.value(),
                    r.statements());
            return null;
        });
    }

    private void reserve(String name, String plot, Duration hold) {
        long plotId = plotName.entrySet().stream().filter(e -> e.getValue().equals(plot)).findFirst().orElseThrow()
                .getKey();
        Counted<ReserveResult> r = counted(() -> reservations.reserve(user.get(name), plotId, hold));
        String what = switch (r.value()) {
            case ReserveResult.Reserved res -> {
                reservation.put(name, res.reservationId());
                yield "reserved until " + WHEN.format(res.expiresAt().atZoneSameInstant(db.zone()));
            }
            case ReserveResult.NotAvailable n -> "not available (" + n.status().dbValue() + ")";
            case ReserveResult.AlreadyReserved a -> "already reserved by " + name;
        };
        say("%s reserves %s for %d day(s) -> %s (%d SQL)", name, plot, hold.toDays(), what, r.statements());
    }

    private ReservationListener reservationNotices() {
        return new ReservationListener() {
            @Override
            public void confirmed(ReservationEvent event) {
                say("[after commit] %s adopted %s", nameOf.get(event.userId()), plotName.get(event.plotId()));
            }

            @Override
            public void released(ReservationEvent event) {
                say("[after commit] %s's hold on %s expired; the plot is available again", nameOf.get(event.userId()),
                        plotName.get(event.plotId()));
            }
        };
    }

    private void expireAndSweep() {
        Instant later = clock.advance(Duration.ofDays(2));
        step("The clock moves 2 days (to " + later + "): Ben's 1-day hold has expired; the sweep releases it", () -> {
            Counted<ConfirmResult> late = counted(() -> reservations.confirm(user.get("ben"), reservation.get("ben")));
            say("ben tries to confirm -> %s (%d SQL)", late.value() instanceof ConfirmResult.Expired ? "expired"
                    : late.value(), late.statements());
            for (UserReservation r : reservations.listReservations(user.get("ben"))) {
                say("ben's reservations: %s, expired=%s", r.plot().name(), r.expired());
            }
            Counted<Integer> swept = counted(() -> reservations.releaseExpired(100));
            say("plot swept: the sweep released %d expired reservation(s) (%d SQL)", swept.value(),
                    swept.statements());
            for (ProducerSummary p : producers.listProducers()) {
                say("%s: %d available, %d reserved, %d adopted", p.name(), p.plots().available(),
                        p.plots().reserved(), p.plots().adopted());
            }
            return null;
        });
    }

    private void likeAndMatch() {
        step("Anna and Ben like each other: the second like makes the match", () -> {
            like("anna", "ben");
            like("ben", "anna");
            like("ben", "anna");
            for (UserMatch m : matches.listMatches(user.get("anna"), PageRequest.first()).items()) {
                say("anna's matches: %s (%s), industries %s", m.otherFirstName(), m.profile().headline(),
                        m.profile().industries());
            }
            return null;
        });
    }

    private void like(String from, String to) {
        Counted<LikeResult> r = counted(() -> matching.like(user.get(from), user.get(to)));
        String what = switch (r.value()) {
            case LikeResult.Liked l -> "liked";
            case LikeResult.Matched m -> "match made (match " + m.matchId() + ")";
            case LikeResult.AlreadyLiked a -> "already liked, nothing changed";
        };
        say("%s likes %s -> %s (%d SQL)", from, to, what, r.statements());
    }

    private void searchProfiles() {
        for (String words : List.of("wine", "sustainable Moselle")) {
            step("Search entrepreneur profiles for \"" + words + "\" (ranked full-text)", () -> {
                for (ProfileHit h : search.searchProfiles(words, 10)) {
                    say("search hit: %s - %s (rank %.3g)", nameOf.get(h.userId()), h.headline(), h.rank());
                }
                return null;
            });
        }
    }

    /** Issue 20, events: a capacity increase promotes the waitlist (FCFS); a guest invitation's whole lifecycle. */
    private void raiseCapacityAndInviteAGuest() {
        var eventService = new lu.entreprinder.persistence.crushlu.EventService(db, promotionNotice());
        step("The organizer raises Speed Dating Night from 3 to 4 places: the waitlist moves up, oldest first", () -> {
            var r = counted(() -> eventService.changeCapacity(speedDating, 4));
            if (r.value() instanceof lu.entreprinder.persistence.crushlu.CapacityChangeResult.Changed c) {
                say("capacity %d -> %d; promoted: %s (%d SQL, the notice above ran after the commit)", c.previous(),
                        c.capacity(), c.promoted().stream().map(p -> nameOf.get(p.userId())).toList(),
                        r.statements());
            } else {
                say("capacity change -> %s", r.value());
            }
            return null;
        });
        var invitations = new lu.entreprinder.persistence.crushlu.InvitationService(db);
        step("A guest invitation to a private event: invited, accepted (the guest's user is created), approved", () -> {
            OffsetDateTime in20days = at(20, 19, 30);
            long soiree = events.insertEvent(new NewEvent("Secret Garden Soiree", "By invitation only.",
                    EventType.THEMED, in20days, "Villa Vauban", 30, 25, 60, BigDecimal.ZERO, in20days.minusDays(1),
                    true, true, "GARDEN-2026"));
            var invited = counted(() -> invitations.invite(soiree, user.get("anna"), "gina@example.lu", "Gina",
                    "Gast"));
            if (!(invited.value() instanceof lu.entreprinder.persistence.crushlu.InvitationResult.Invited inv)) {
                say("invite -> %s", invited.value());
                return null;
            }
            say("anna invites gina@example.lu -> invitation %d, expires %s (%d SQL)", inv.invitationId(),
                    WHEN.format(inv.expiresAt().atZoneSameInstant(db.zone())), invited.statements());
            var accepted = counted(() -> invitations.accept(inv.token(), "gina", "pbkdf2_sha256$tour"));
            if (!(accepted.value() instanceof lu.entreprinder.persistence.crushlu.InvitationAcceptResult.Accepted a)) {
                say("accept -> %s", accepted.value());
                return null;
            }
            nameOf.put(a.guestUserId(), "gina");
            say("gina accepts -> user %d created (%d SQL)", a.guestUserId(), accepted.statements());
            say("gina accepts again -> %s", invitations.accept(inv.token(), "gina2", "pbkdf2_sha256$tour")
                    instanceof lu.entreprinder.persistence.crushlu.InvitationAcceptResult.AlreadyAccepted
                    ? "already accepted, no second user" : "unexpected");
            Runnable seesIt = () -> say("gina's event list: %s", events.listEventsForViewer(a.guestUserId(),
                    EventFilter.all().published().upcoming(), PageRequest.first()).items().stream()
                    .map(EventListItem::title).filter(t -> t.startsWith("Secret")).toList());
            seesIt.run();
            var approved = counted(() -> invitations.approveGuest(inv.invitationId(), user.get("sophie")));
            say("Sophie approves the guest -> %s (%d SQL)",
                    approved.value() instanceof lu.entreprinder.persistence.crushlu.GuestApprovalResult.Decided
                            ? "approved" : approved.value(), approved.statements());
            seesIt.run();
            return null;
        });
    }

    private void journeyPointsAndPuzzle() {
        step("Journey points: a hint costs points, an alternative answer earns them, a puzzle piece is bought", () -> {
            long anna = user.get("anna");
            long puzzleJourney = journeys.insertJourney("Anna's puzzle", "Points, hints and a photo in pieces.", true);
            long chapter = journeys.insertChapter(puzzleJourney, 1, "Bubbles", "");
            long wish = journeys.insertChallenge(chapter, NewJourneyChallenge.openText("Your wish for us?", 1));
            long wine = journeys.insertChallenge(chapter, NewJourneyChallenge.riddle(
                    "Which sparkling wine does the Moselle make?", "Crémant", "It rhymes with 'vraiment'.", 2)
                    .withPoints(20).withHintCost(5).withAlternativeAnswers(List.of("Crémant de Luxembourg")));
            long puzzle = journeys.insertPuzzleReward(chapter, "Our photo", "", "journey_rewards/us.jpg",
                    List.of(10, 10, 10));

            Counted<JourneyAnswerResult> first = counted(() -> journey.answer(anna, wish,
                    new JourneyAnswer.Text("More evenings like this one")));
            JourneyProgressView p = ((JourneyAnswerResult.Correct) first.value()).progress();
            say("open text: any non-empty answer -> %d points, journey %d%% done (%d SQL)", p.totalPoints(),
                    p.completionPercent(), first.statements());
            Counted<JourneyHintResult> hint = counted(() -> journey.takeHint(anna, wine));
            if (hint.value() instanceof JourneyHintResult.Taken t) {
                say("hint taken: \"%s\" -> %d points deducted, %d left (%d SQL)", t.hint(), t.pointsCharged(),
                        t.pointsLeft(), hint.statements());
            }
            Counted<JourneyAnswerResult> second = counted(() -> journey.answer(anna, wine,
                    new JourneyAnswer.Text("cremant de luxembourg")));
            if (second.value() instanceof JourneyAnswerResult.Correct c) {
                say("alternative answer accepted: \"cremant de luxembourg\" -> +%d points, %d in total, journey %d%%"
                        + " done (%d SQL)", c.pointsAwarded(), c.progress().totalPoints(),
                        c.progress().completionPercent(), second.statements());
            }
            long piece = journey.getPuzzle(anna, puzzle).pieces().get(0).pieceId();
            Counted<JourneyPieceResult> bought = counted(() -> journey.unlockPiece(anna, piece));
            if (bought.value() instanceof JourneyPieceResult.Unlocked u) {
                say("puzzle piece 1 unlocked for %d points, %d left (%d SQL)", u.pointsSpent(), u.pointsLeft(),
                        bought.statements());
            }
            Counted<JourneyPuzzleView> view = counted(() -> journey.getPuzzle(anna, puzzle));
            say("the puzzle shows %d of %d pieces (%d SQL)", view.value().unlockedPieces().size(),
                    view.value().pieces().size(), view.statements());
            Counted<JourneyFinalResponseResult> response = counted(() -> journey.respond(anna, puzzleJourney, "yes"));
            say("final response \"yes\" -> %s (%d SQL)",
                    response.value() instanceof JourneyFinalResponseResult.Recorded ? "recorded" : response.value(),
                    response.statements());
            return null;
        });
    }

    // ------------------------------------------------------------------------- coaching and contact sharing

    /**
     * The platform's coaching and connection rules (V20): approval waits for a screening call; after an event the
     * attendees connect, both consent, the requester's coach approves and shares, and only then are contacts readable.
     */
    private void screeningCallThenConnectionAndSharedContacts() {
        step("Emma resubmits her profile: approval waits for Sophie's screening call", () -> {
            SubmissionReceipt r = reviews.submit(profile.get("emma"));
            long coach = r.coachId().orElseThrow();
            Counted<CoachReviewResult> early = counted(() -> reviews.approve(r.submissionId(), coach, "", "Welcome!"));
            say("approve before a call -> %s (%d SQL, nothing written)",
                    early.value() instanceof CoachReviewResult.ScreeningCallRequired ? "screening call required"
                            : early.value(), early.statements());
            Counted<ScreeningCallResult> call = counted(() -> reviews.recordScreeningCall(r.submissionId(), coach,
                    db.today(), "20 minutes, friendly and genuine."));
            say("screening call recorded -> %s (%d SQL)",
                    call.value() instanceof ScreeningCallResult.Recorded ? "recorded" : call.value(), call.statements());
            Counted<CoachReviewResult> ok = counted(() -> reviews.approve(r.submissionId(), coach, "", "Welcome!"));
            say("approve after the call -> %s (%d SQL)",
                    ok.value() instanceof CoachReviewResult.Reviewed ? "approved" : ok.value(), ok.statements());
            return null;
        });
        step("After an evening, attendees Anna and David connect; contacts are shared after both consents and Sophie",
                () -> {
                    OffsetDateTime evening = db.now().plusDays(2);
                    long aperitif = events.insertEvent(NewEvent.of("Apéro Crush", evening, evening.minusDays(1), 10));
                    long anna = user.get("anna");
                    long david = user.get("david");
                    registrations.register(anna, aperitif, RegistrationDetails.none());
                    registrations.register(david, aperitif, RegistrationDetails.none());
                    clock.advance(Duration.ofDays(3));
                    Counted<ConnectionRequestResult> early = counted(() ->
                            connections.requestConnection(anna, david, aperitif));
                    say("confirmed but attendance not recorded: anna asks david -> %s (%d SQL)",
                            early.value() instanceof ConnectionRequestResult.RequesterNotAttendee
                                    ? "refused, not an attendee" : early.value(), early.statements());
                    registrations.markAttendance(anna, aperitif, true);
                    registrations.markAttendance(david, aperitif, true);
                    long id = ((ConnectionRequestResult.Requested) connections.requestConnection(anna, david,
                            aperitif)).connection().id();
                    Counted<ConnectionResponseResult> accepted = counted(() -> connections.respond(david, id, true));
                    if (accepted.value() instanceof ConnectionResponseResult.Connected c) {
                        say("david accepts -> connected; assigned coach (anna's): %s (%d SQL)",
                                coachName.get(c.connection().assignedCoachId().orElseThrow()), accepted.statements());
                    }
                    say("david reads anna's contacts now -> %s", describe(connections.getContactDetails(david, id)));
                    Counted<ContactConsentResult> one = counted(() -> connections.consentToShare(anna, id));
                    say("anna consents -> %s (%d SQL)", one.value().getClass().getSimpleName(), one.statements());
                    Counted<ContactConsentResult> two = counted(() -> connections.consentToShare(david, id));
                    say("david consents -> %s: %s (%d SQL)", two.value().getClass().getSimpleName(),
                            ((ContactConsentResult.BothConsented) two.value()).connection().sharingStatus().dbValue(),
                            two.statements());
                    long sophie = coachOf("Sophie");
                    Counted<CoachSharingResult> approve = counted(() -> connections.approveContactSharing(sophie, id));
                    say("Sophie approves -> %s (%d SQL)", sharing(approve.value()), approve.statements());
                    Counted<CoachSharingResult> share = counted(() -> connections.shareContacts(sophie, id));
                    say("Sophie shares -> %s (%d SQL)", sharing(share.value()), share.statements());
                    Counted<ContactDetailsResult> read = counted(() -> connections.getContactDetails(david, id));
                    say("david reads anna's contacts -> %s (%d SQL)", describe(read.value()), read.statements());
                    return null;
                });
    }

    private long coachOf(String name) {
        return coachName.entrySet().stream().filter(e -> e.getValue().equals(name)).findFirst().orElseThrow()
                .getKey();
    }

    private static String sharing(CoachSharingResult r) {
        return r instanceof CoachSharingResult.Advanced a ? a.connection().sharingStatus().dbValue() : r.toString();
    }

    private static String describe(ContactDetailsResult r) {
        return switch (r) {
            case ContactDetailsResult.Shared s -> "shared: " + s.details().firstName() + " " + s.details().lastName()
                    + ", " + s.details().email() + ", " + s.details().phone();
            case ContactDetailsResult.NotSharedYet n -> "not shared yet (" + n.sharingStatus().dbValue() + ")";
            case ContactDetailsResult.NotFound f -> "not found";
        };
    }

    /** Issue 20: a dislike hiding a candidate, three plots reserved in one call, a speed-dating evening's votes. */
    private void dislikeReserveAllAndVote() {
        step("Carla dislikes David: he never comes back among her candidates", () -> {
            long carla = user.get("carla");
            Counted<List<String>> before = counted(() -> candidateNames(carla));
            say("carla's candidates: %s (%d SQL)", before.value(), before.statements());
            Counted<DislikeResult> r = counted(() -> matching.dislike(carla, user.get("david")));
            say("carla dislikes david -> %s (%d SQL)", r.value() instanceof DislikeResult.Disliked ? "disliked"
                    : r.value(), r.statements());
            Counted<List<String>> after = counted(() -> candidateNames(carla));
            say("carla's candidates: %s (%d SQL)", after.value(), after.statements());
            return null;
        });
        step("Carla reserves three plots in one call: all or nothing, 24 h each, rows locked by ascending id", () -> {
            long carla = user.get("carla");
            long producer = producers.listProducers().get(0).id();
            long slope = plots.insertPlot(new PlotDetails(producer, "Wormeldange slope", new BigDecimal("0.40"),
                    "Elbling", "marl", 190, null));
            plotName.put(slope, "Wormeldange slope");
            List<String> first = List.of("Wellenstein terrace", "Koeppchen parcel A", "Koeppchen parcel B");
            reserveAll(carla, first);
            reserveAll(carla, List.of("Wellenstein terrace", "Wormeldange slope", "Koeppchen parcel B"));
            return null;
        });
        Instant resumeAt = clock.instant();
        clock.set(at(10, 20, 30).toInstant());
        step("Speed Dating Night, 20:30: Sophie opens the vote, attendees rate each other's presentations", () -> {
            long event = speedDating;
            for (String name : List.of("anna", "carla", "david")) {
                registrations.markAttendance(user.get(name), event, true);
            }
            VotingService voting = new VotingService(db);
            Counted<VotingOpenResult> opened = counted(() -> voting.openSession(event, user.get("sophie")));
            long session = ((VotingOpenResult.Opened) opened.value()).session().sessionId();
            say("sophie opens the voting session -> opened (%d SQL)", opened.statements());
            rate(voting, session, "anna", "david", 5);
            rate(voting, session, "david", "anna", 4);
            rate(voting, session, "carla", "david", 3);
            rate(voting, session, "carla", "david", 4);
            rate(voting, session, "anna", "carla", 4);
            rate(voting, session, "carla", "anna", 5);
            rate(voting, session, "emma", "anna", 5);
            Counted<VotingCloseResult> closed = counted(() -> voting.closeSession(session, user.get("sophie")));
            say("sophie closes the vote -> %s (%d SQL)", closed.value() instanceof VotingCloseResult.Closed
                    ? "closed" : closed.value(), closed.statements());
            rate(voting, session, "david", "carla", 5);
            VotingDao votes = new VotingDao(db);
            Counted<List<PresenterResult>> results = counted(() -> votes.listResults(session));
            for (PresenterResult p : results.value()) {
                say("result: %s, average %s from %d rating(s)", nameOf.get(p.presenterId()), p.averageScore(),
                        p.ratingCount());
            }
            say("(results: %d SQL)", results.statements());
            Counted<List<MutualRating>> mutual = counted(() -> votes.listMutualHighRatings(session, 4));
            for (MutualRating m : mutual.value()) {
                say("mutual high ratings: %s and %s (%d and %d)", nameOf.get(m.userA()), nameOf.get(m.userB()),
                        m.scoreAtoB(), m.scoreBtoA());
            }
            say("(mutual high ratings: %d SQL)", mutual.statements());
            return null;
        });
        clock.set(resumeAt);
        say("(the tour's clock goes back to %s)", resumeAt);
    }

    private List<String> candidateNames(long userId) {
        return matches.listCandidates(userId, PageRequest.first()).items().stream().map(Candidate::username).toList();
    }

    private void reserveAll(long userId, List<String> plots) {
        List<Long> ids = plots.stream().map(name -> plotName.entrySet().stream()
                .filter(e -> e.getValue().equals(name)).findFirst().orElseThrow().getKey()).toList();
        Counted<ReserveAllResult> r = counted(() -> reservations.reserveAll(userId, ids));
        String what = switch (r.value()) {
            case ReserveAllResult.Reserved res -> "reserved " + res.reservations().size() + " plots until "
                    + WHEN.format(res.reservations().get(0).expiresAt().atZoneSameInstant(db.zone()));
            case ReserveAllResult.NothingReserved n -> "nothing reserved: not available "
                    + n.unavailablePlotIds().stream().map(plotName::get).toList();
        };
        say("%s reserves %s -> %s (%d SQL)", nameOf.get(userId), plots, what, r.statements());
    }

    private void rate(VotingService voting, long session, String rater, String presenter, int score) {
        Counted<RatingResult> r = counted(() -> voting.rate(session, user.get(rater), user.get(presenter), score));
        String what = switch (r.value()) {
            case RatingResult.Rated x -> "rated";
            case RatingResult.Updated x -> "updated (was " + x.previousScore() + ")";
            case RatingResult.SessionClosed x -> "refused: the vote is closed";
            case RatingResult.RaterNotAttendee x -> "refused: " + rater + " did not attend";
            case RatingResult.PresenterNotAttendee x -> "refused: " + presenter + " did not attend";
        };
        say("%s rates %s %d/5 -> %s (%d SQL)", rater, presenter, score, what, r.statements());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A value and the SQL statements it took. */
    record Counted<T>(T value, long statements) {
    }

    private <T> Counted<T> counted(Supplier<T> action) {
        try (StatementCount count = db.countStatements()) {
            T value = action.get();
            return new Counted<>(value, count.value());
        }
    }

    private <T> T step(String title, Supplier<T> action) {
        out.printf("%n%d. %s%n", ++step, title);
        Counted<T> r = counted(action);
        say("= %d SQL statement%s", r.statements(), r.statements() == 1 ? "" : "s");
        return r.value();
    }

    /** {@code days} from the tour's start, at that local time in the database's zone. */
    private OffsetDateTime at(int days, int hour, int minute) {
        return LocalDate.ofInstant(START, db.zone()).plusDays(days).atTime(LocalTime.of(hour, minute))
                .atZone(db.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private void say(String format, Object... args) {
        out.println("   " + String.format(format, args));
    }
}
