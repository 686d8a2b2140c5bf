package lu.entreprinder.persistence.integration;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.crushlu.CoachReviewListener;
import lu.entreprinder.persistence.crushlu.CoachReviewService;
import lu.entreprinder.persistence.crushlu.ConnectionRequestResult;
import lu.entreprinder.persistence.crushlu.ConnectionService;
import lu.entreprinder.persistence.crushlu.EventDao;
import lu.entreprinder.persistence.crushlu.EventService;
import lu.entreprinder.persistence.crushlu.InvitationResult;
import lu.entreprinder.persistence.crushlu.InvitationService;
import lu.entreprinder.persistence.crushlu.VotingDao;
import lu.entreprinder.persistence.crushlu.VotingOpenResult;
import lu.entreprinder.persistence.crushlu.VotingService;
import lu.entreprinder.persistence.crushlu.NewEvent;
import lu.entreprinder.persistence.crushlu.NewJourneyChallenge;
import lu.entreprinder.persistence.crushlu.JourneyDao;
import lu.entreprinder.persistence.crushlu.JourneyService;
import lu.entreprinder.persistence.crushlu.MessageService;
import lu.entreprinder.persistence.crushlu.ProfileDao;
import lu.entreprinder.persistence.crushlu.RegistrationDetails;
import lu.entreprinder.persistence.crushlu.RegistrationService;
import lu.entreprinder.persistence.crushlu.SpecialExperienceDao;
import lu.entreprinder.persistence.entreprinder.EntrepreneurProfileDao;
import lu.entreprinder.persistence.entreprinder.NewProfile;
import lu.entreprinder.persistence.entreprinder.ProfileDetails;
import lu.entreprinder.persistence.entreprinder.TagSet;
import lu.entreprinder.persistence.entreprinder.TaxonomyDao;
import lu.entreprinder.persistence.entreprinder.UserDao;
import lu.entreprinder.persistence.matching.MatchingDao;
import lu.entreprinder.persistence.matching.MatchingService;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.vinsdelux.AdoptionPlanDao;
import lu.entreprinder.persistence.vinsdelux.CoffretDao;
import lu.entreprinder.persistence.vinsdelux.NewAdoptionPlan;
import lu.entreprinder.persistence.vinsdelux.NewCoffret;
import lu.entreprinder.persistence.vinsdelux.NewProducer;
import lu.entreprinder.persistence.vinsdelux.PlotDao;
import lu.entreprinder.persistence.vinsdelux.PlotDetails;
import lu.entreprinder.persistence.vinsdelux.PlotFilter;
import lu.entreprinder.persistence.vinsdelux.PlotListing;
import lu.entreprinder.persistence.vinsdelux.PlotReservationService;
import lu.entreprinder.persistence.vinsdelux.ProducerDao;
import lu.entreprinder.persistence.vinsdelux.ReservationListener;
import lu.entreprinder.persistence.vinsdelux.ReserveResult;

/**
 * Every DAO of the four modules over one database, and a small data set built only through the public APIs (plus
 * {@link Fixtures} for users and profiles): what the corpus and privacy tests call the methods on.
 */
final class World {

    final Database db;
    final TestClock clock;

    final UserDao users;
    final EntrepreneurProfileDao entProfiles;
    final TaxonomyDao taxonomy;
    final MatchingService matching;
    final MatchingDao matchingDao;
    final ProducerDao producerDao;
    final CoffretDao coffretDao;
    final AdoptionPlanDao planDao;
    final PlotDao plotDao;
    final PlotReservationService reservations;
    final ProfileDao crushProfiles;
    final EventDao events;
    final RegistrationService registrations;
    final ConnectionService connections;
    final MessageService messages;
    final CoachReviewService coaching;
    final JourneyDao journeys;
    final JourneyService journeyPlay;
    final SpecialExperienceDao experiences;
    final EventService eventService;
    final InvitationService invitations;
    final VotingService voting;
    final VotingDao votingDao;

    long anna;
    long ben;
    long carl;
    /** A user without a Crush.lu profile, entrepreneur profile or special experience. */
    long dora;
    long coachUser;
    long coach;
    long annaCrush;
    long submission;
    long entProfile;
    long industry;
    long pastEvent;
    long event;
    long privateEvent;
    long connection;
    long pendingConnection;
    long producer;
    long coffret;
    long plan;
    long plot;
    long reservedPlot;
    long reservation;
    long journey;
    long chapter;
    /** A chapter of another journey, for challenges that should be refused (a wrongly stored one stays apart). */
    long scratchChapter;
    long riddle;
    long openText;
    long choice;
    long timeline;
    /** A pending invitation to {@link #privateEvent}, sent by anna. */
    long invitation;
    /** The open voting session of {@link #pastEvent} (anna, ben and carl attended). */
    long votingSession;

    private final AtomicInteger seq = new AtomicInteger();
    final AtomicInteger chapterNumbers = new AtomicInteger(1);

    World(Database db, TestClock clock) {
        this.db = db;
        this.clock = clock;
        users = new UserDao(db);
        entProfiles = new EntrepreneurProfileDao(db);
        taxonomy = new TaxonomyDao(db);
        matching = new MatchingService(db);
        matchingDao = new MatchingDao(db);
        producerDao = new ProducerDao(db);
        coffretDao = new CoffretDao(db);
        planDao = new AdoptionPlanDao(db);
        plotDao = new PlotDao(db);
        reservations = new PlotReservationService(db, ReservationListener.NONE);
        crushProfiles = new ProfileDao(db);
        events = new EventDao(db);
        registrations = new RegistrationService(db);
        connections = new ConnectionService(db);
        messages = new MessageService(db);
        coaching = new CoachReviewService(db, CoachReviewListener.none());
        journeys = new JourneyDao(db);
        journeyPlay = new JourneyService(db);
        experiences = new SpecialExperienceDao(db);
        eventService = new EventService(db);
        invitations = new InvitationService(db);
        voting = new VotingService(db);
        votingDao = new VotingDao(db);
    }

    /** Builds the data set. Moves the clock forward by two hours (so that the first event has taken place). */
    World build() {
        anna = Fixtures.user(db, "anna");
        ben = Fixtures.user(db, "ben");
        carl = Fixtures.user(db, "carl");
        dora = Fixtures.user(db, "dora");
        coachUser = Fixtures.user(db, "coachkim");
        annaCrush = Fixtures.crushProfile(db, anna).phone("+352 691 111 222").insert();
        Fixtures.crushProfile(db, ben).insert();
        Fixtures.crushProfile(db, carl).insert();
        coach = Fixtures.coach(db, coachUser, 100_000);
        submission = coaching.submit(annaCrush).submissionId();

        entProfile = entProfiles.insertProfile(new NewProfile(anna,
                new ProfileDetails("Founder", "Wine and code", "", ""), TagSet.ofNames("Wine"), TagSet.ofNames("Java")));
        industry = taxonomy.getOrCreateIndustry("Wine").id();

        // An event that takes place in an hour: three members register, then the clock passes it.
        OffsetDateTime now = db.now();
        pastEvent = events.insertEvent(NewEvent.of("Past mixer", now.plusHours(1), now.plusMinutes(30), 10));
        for (long u : List.of(anna, ben, carl)) {
            registrations.register(u, pastEvent, RegistrationDetails.none());
        }
        clock.advance(Duration.ofHours(2));
        for (long u : List.of(anna, ben, carl)) {
            registrations.markAttendance(u, pastEvent, true); // only attendees connect (confirmed is not enough)
        }
        now = db.now();
        event = events.insertEvent(NewEvent.of("Wine mixer", now.plusDays(7), now.plusDays(6), 1_000));
        privateEvent = events.insertEvent(NewEvent.of("Private dinner", now.plusDays(7), now.plusDays(6), 20)
                .withPrivateInvitation("SECRET-CODE"));
        connection = ((ConnectionRequestResult.Requested) connections.requestConnection(anna, ben, pastEvent))
                .connection().id();
        connections.respond(ben, connection, true);
        pendingConnection = ((ConnectionRequestResult.Requested) connections.requestConnection(anna, carl, pastEvent))
                .connection().id();

        producer = producerDao.insertProducer(new NewProducer("Domaine A", "Moselle", "Family estate", "logo.png", null));
        coffret = coffretDao.insertCoffret(new NewCoffret("Discovery", 6, "Six bottles"));
        plan = planDao.insertAdoptionPlan(new NewAdoptionPlan("Year", new BigDecimal("120.00"), 12, coffret, true));
        plot = insertPlot("Plot A");
        reservedPlot = insertPlot("Plot B");
        reservation = ((ReserveResult.Reserved) reservations.reserve(anna, reservedPlot, Duration.ofHours(1)))
                .reservationId();

        journey = journeys.insertJourney("Journey", "", true);
        chapter = journeys.insertChapter(journey, chapterNumbers.getAndIncrement(), "Chapter 1", "");
        riddle = journeys.insertChallenge(chapter, NewJourneyChallenge.riddle("Capital?", "Paris", "Seine", 1));
        openText = journeys.insertChallenge(chapter, NewJourneyChallenge.openText("Why?", 2));
        choice = journeys.insertChallenge(chapter,
                NewJourneyChallenge.multipleChoice("Colour?", List.of("red", "white"), "red", "", 3));
        timeline = journeys.insertChallenge(chapter,
                NewJourneyChallenge.timelineSort("Order", List.of("b", "a"), List.of("a", "b"), "", 4));
        experiences.insertSpecialExperience(anna, journey, "Welcome");
        scratchChapter = journeys.insertChapter(journeys.insertJourney("Scratch", "", false), 1, "Scratch", "");

        invitation = ((InvitationResult.Invited) invitations.invite(privateEvent, anna, "guest@example.lu", "Gina",
                "Guest")).invitationId();
        votingSession = ((VotingOpenResult.Opened) voting.openSession(pastEvent, coachUser)).session().sessionId();
        return this;
    }

    long insertPlot(String name) {
        return plotDao.insertPlot(new PlotDetails(producer, name, new BigDecimal("1.50"), "Riesling", "Limestone", 200,
                null));
    }

    String unique(String prefix) {
        return prefix + seq.incrementAndGet();
    }

    private final java.util.ArrayDeque<Long> spareUsers = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Long> spareMembers = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Long> spareCrushProfiles = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Long> spareSubmissions = new java.util.ArrayDeque<>();

    /**
     * Creates unused users, members, Crush.lu profiles and pending submissions up front, so that a corpus case can
     * take a fresh one without writing anything (a refused call must change no row).
     */
    World withSpares(int users, int members, int crushProfiles, int submissions) {
        db.useTransaction(tx -> {
            for (int i = 0; i < users; i++) {
                spareUsers.add(Fixtures.user(db, unique("spare")));
            }
            for (int i = 0; i < members; i++) {
                long u = Fixtures.user(db, unique("member"));
                Fixtures.crushProfile(db, u).insert();
                spareMembers.add(u);
            }
            for (int i = 0; i < crushProfiles; i++) {
                spareCrushProfiles.add(Fixtures.crushProfile(db, Fixtures.user(db, unique("profile"))).insert());
            }
            for (int i = 0; i < submissions; i++) {
                long p = Fixtures.crushProfile(db, Fixtures.user(db, unique("submitter"))).insert();
                long submitted = coaching.submit(p).submissionId();
                // approval requires a recorded screening call: spare submissions are ready to be reviewed
                coaching.recordScreeningCall(submitted, coach, db.today(), "");
                spareSubmissions.add(submitted);
            }
        });
        return this;
    }

    private static long take(java.util.ArrayDeque<Long> pool, String what) {
        Long id = pool.poll();
        if (id == null) {
            throw new IllegalStateException("no spare " + what + " left: raise World.withSpares");
        }
        return id;
    }

    String sparesLeft() {
        return "users " + spareUsers.size() + ", members " + spareMembers.size() + ", profiles "
                + spareCrushProfiles.size() + ", submissions " + spareSubmissions.size();
    }

    /** An unused user (no profile). */
    long freshUser() {
        return take(spareUsers, "user");
    }

    /** An unused user with an approved Crush.lu profile. */
    long freshMember() {
        return take(spareMembers, "member");
    }

    /** An unused Crush.lu profile's id (approved). */
    long freshCrushProfile() {
        return take(spareCrushProfiles, "Crush.lu profile");
    }

    /** An unused pending submission assigned to {@link #coach}. */
    long freshSubmission() {
        return take(spareSubmissions, "submission");
    }

    /** The plot with this id through {@link PlotDao#listPlots} (all pages). */
    PlotListing findPlot(long id) {
        PageRequest page = PageRequest.first(100);
        while (true) {
            var p = plotDao.listPlots(PlotFilter.all(), page);
            for (PlotListing l : p.items()) {
                if (l.id() == id) {
                    return l;
                }
            }
            if (!p.hasNext()) {
                throw new AssertionError("plot " + id + " not listed");
            }
            page = page.next(p.nextCursor());
        }
    }
}
