package lu.entreprinder.persistence.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.crushlu.CoachQueueItem;
import lu.entreprinder.persistence.crushlu.CoachReviewNotice;
import lu.entreprinder.persistence.crushlu.CoachReviewResult;
import lu.entreprinder.persistence.crushlu.CoachReviewService;
import lu.entreprinder.persistence.crushlu.ConnectionResponseResult;
import lu.entreprinder.persistence.crushlu.ConnectionSummary;
import lu.entreprinder.persistence.crushlu.EventDao;
import lu.entreprinder.persistence.crushlu.EventFilter;
import lu.entreprinder.persistence.crushlu.EventListItem;
import lu.entreprinder.persistence.crushlu.MessageConversationResult;
import lu.entreprinder.persistence.crushlu.MessageSendResult;
import lu.entreprinder.persistence.crushlu.ProfileDao;
import lu.entreprinder.persistence.crushlu.ProfileFilter;
import lu.entreprinder.persistence.crushlu.ProfileOwnerView;
import lu.entreprinder.persistence.crushlu.ProfilePublicView;
import lu.entreprinder.persistence.crushlu.RegistrationCancelResult;
import lu.entreprinder.persistence.crushlu.RegistrationDetails;
import lu.entreprinder.persistence.crushlu.RegistrationResult;
import lu.entreprinder.persistence.crushlu.SubmissionForCoach;
import lu.entreprinder.persistence.entreprinder.EntrepreneurProfileDao;
import lu.entreprinder.persistence.entreprinder.SearchDao;
import lu.entreprinder.persistence.entreprinder.UserCredentials;
import lu.entreprinder.persistence.entreprinder.UserDao;
import lu.entreprinder.persistence.matching.MatchingDao;
import lu.entreprinder.persistence.matching.MatchingService;
import lu.entreprinder.persistence.testing.DatabaseTest;
import lu.entreprinder.persistence.testing.Fixtures;
import lu.entreprinder.persistence.testing.TestClock;
import lu.entreprinder.persistence.vinsdelux.AdoptionPlanDao;
import lu.entreprinder.persistence.vinsdelux.CoffretDao;
import lu.entreprinder.persistence.vinsdelux.PlotDao;
import lu.entreprinder.persistence.vinsdelux.PlotReservationService;
import lu.entreprinder.persistence.vinsdelux.ProducerDao;
import org.junit.jupiter.api.Test;

/**
 * Who may see what, across the four DAO modules, on both databases: messages only between the two participants
 * (outsiders get exactly the answer of a missing connection), private invitation events only for special users,
 * code holders and registrants, coach notes never in a user-facing record, phone numbers and password hashes never in
 * a public projection (by reflection over every public read method's record components, and by value), and the
 * owner-only profile view.
 */
class PrivacyIT {

    private static final Pattern COACH_NOTES = Pattern.compile("(?i).*coach.*note.*");
    private static final Pattern SECRET_NAMES = Pattern.compile("(?i:.*(phone|password).*)|hash.*|.*Hash([A-Z].*)?");

    /** The public API classes of the four DAO modules (their public read methods are walked by reflection). */
    private static final List<Class<?>> SERVICES = List.of(UserDao.class, EntrepreneurProfileDao.class,
            lu.entreprinder.persistence.entreprinder.TaxonomyDao.class, SearchDao.class, MatchingDao.class,
            MatchingService.class, ProducerDao.class, CoffretDao.class, AdoptionPlanDao.class, PlotDao.class,
            PlotReservationService.class, ProfileDao.class,
            EventDao.class, lu.entreprinder.persistence.crushlu.RegistrationService.class,
            lu.entreprinder.persistence.crushlu.ConnectionService.class,
            lu.entreprinder.persistence.crushlu.MessageService.class, CoachReviewService.class,
            lu.entreprinder.persistence.crushlu.JourneyDao.class, lu.entreprinder.persistence.crushlu.JourneyService.class,
            lu.entreprinder.persistence.crushlu.SpecialExperienceDao.class,
            lu.entreprinder.persistence.crushlu.EventService.class,
            lu.entreprinder.persistence.crushlu.InvitationService.class,
            lu.entreprinder.persistence.crushlu.VotingService.class, lu.entreprinder.persistence.crushlu.VotingDao.class);

    /** Coach-facing types: the only ones allowed to carry the coach's notes. */
    private static final Set<Class<?>> COACH_FACING = Set.of(SubmissionForCoach.class, CoachQueueItem.class);

    // ------------------------------------------------------------------------------------------------- messages

    @DatabaseTest
    void messagesOnlyBetweenParticipants(Database db, TestClock clock) {
        World w = new World(db, clock).build();
        assertThat(w.messages.send(w.anna, w.connection, "just for Ben")).isInstanceOf(MessageSendResult.Sent.class);
        long missing = 987_654_321L;
        DbSnapshot snapshot = new DbSnapshot(db);
        DbSnapshot.State before = snapshot.take();

        // carl attended the same event and has his own (pending) connection with anna; dora is a stranger
        for (long outsider : List.of(w.carl, w.dora)) {
            var sendMissing = w.messages.send(outsider, missing, "hi");
            assertThat(w.messages.send(outsider, w.connection, "let me in")).isEqualTo(sendMissing)
                    .isEqualTo(new MessageSendResult.ConnectionUnavailable());
            var readMissing = w.messages.readConversation(outsider, missing);
            assertThat(w.messages.readConversation(outsider, w.connection)).isEqualTo(readMissing)
                    .isEqualTo(new MessageConversationResult.ConnectionUnavailable());
            assertThat(w.connections.respond(outsider, w.connection, true))
                    .isEqualTo(w.connections.respond(outsider, missing, true))
                    .isEqualTo(new ConnectionResponseResult.NotFound());
            assertThat(w.connections.listConnections(outsider)).extracting(ConnectionSummary::connectionId)
                    .doesNotContain(w.connection);
            assertThat(w.connections.listConnections(outsider).toString()).doesNotContain("just for Ben");
        }
        // a participant of a connection that is not (yet) connected gets the same answer too
        assertThat(w.messages.send(w.anna, w.pendingConnection, "too early"))
                .isEqualTo(new MessageSendResult.ConnectionUnavailable());
        assertThat(w.messages.readConversation(w.carl, w.pendingConnection))
                .isEqualTo(w.messages.readConversation(w.carl, missing));
        assertThat(before.differences(snapshot.take())).as("outsiders changed nothing").isEmpty();

        // the participants see the conversation
        assertThat(w.messages.readConversation(w.ben, w.connection).toString()).contains("just for Ben");
        assertThat(w.connections.listConnections(w.ben)).extracting(ConnectionSummary::connectionId)
                .containsExactly(w.connection);
    }

    // ------------------------------------------------------------------------------------------------- events

    @DatabaseTest
    void privateEventsOnlyForInvitedUsersOrWithTheCode(Database db, TestClock clock) {
        World w = new World(db, clock).build();
        long eve = Fixtures.user(db, "eve");
        Fixtures.crushProfile(db, eve).insert();
        w.events.insertSpecialUser(w.privateEvent, w.ben);
        long missing = 987_654_321L;

        // outsiders: not listed (any filter), no detail (the answer of a missing event), whatever wrong code
        for (long outsider : List.of(w.dora, w.carl, eve)) {
            for (EventFilter f : List.of(EventFilter.all(), EventFilter.all().published(),
                    EventFilter.availableForRegistration())) {
                assertThat(listed(w, outsider, f)).contains(w.event).doesNotContain(w.privateEvent);
            }
            for (String code : new String[] {null, "", " ", "secret-code", "SECRET-CODE ", "' OR '1'='1", "%"}) {
                assertThat(w.events.findEventDetail(w.privateEvent, outsider, code))
                        .isEqualTo(w.events.findEventDetail(missing, outsider, code)).isEmpty();
            }
        }
        // the code opens the detail (not the listing, where no code is presented)
        assertThat(w.events.findEventDetail(w.privateEvent, eve, "SECRET-CODE")).isPresent();
        // special users see it in listings and details
        assertThat(listed(w, w.ben, EventFilter.all())).contains(w.privateEvent);
        assertThat(w.events.findEventDetail(w.privateEvent, w.ben, null)).isPresent();
        // a registrant (who presented the code) sees it until they cancel
        assertThat(w.registrations.register(eve, w.privateEvent, RegistrationDetails.withCode("wrong")))
                .isInstanceOf(RegistrationResult.PrivateWithoutInvitation.class);
        assertThat(w.registrations.register(eve, w.privateEvent, RegistrationDetails.withCode("SECRET-CODE")))
                .isInstanceOf(RegistrationResult.Confirmed.class);
        assertThat(listed(w, eve, EventFilter.all())).contains(w.privateEvent);
        assertThat(w.events.findEventDetail(w.privateEvent, eve, null)).isPresent();
        assertThat(w.registrations.cancel(eve, w.privateEvent)).isInstanceOf(RegistrationCancelResult.Cancelled.class);
        assertThat(listed(w, eve, EventFilter.all())).doesNotContain(w.privateEvent);
        assertThat(w.events.findEventDetail(w.privateEvent, eve, null)).isEmpty();
        // the attendee list of the private event is not reachable either
        assertThat(w.events.findEventDetail(w.privateEvent, w.dora, null)).isEmpty();
    }

    /** {@link SearchDao#searchEvents} never lists a private invitation event, whatever the words. */
    @DatabaseTest
    void searchNeverListsPrivateEvents(Database db, TestClock clock) {
        World w = new World(db, clock).build();
        var hits = new SearchDao(db).searchEvents("Private dinner", 10);
        assertThat(hits).extracting(h -> h.eventId()).doesNotContain(w.privateEvent);
    }

    private static List<Long> listed(World w, long viewer, EventFilter filter) {
        List<Long> ids = new ArrayList<>();
        PageRequest page = PageRequest.first(100);
        while (true) {
            var p = w.events.listEventsForViewer(viewer, filter, page);
            p.items().stream().map(EventListItem::id).forEach(ids::add);
            if (!p.hasNext()) {
                return ids;
            }
            page = page.next(p.nextCursor());
        }
    }

    // ------------------------------------------------------------------------------------------------- coach notes

    @Test
    void noUserFacingRecordHasACoachNotesComponent() {
        Map<String, List<String>> offenders = new LinkedHashMap<>();
        for (var entry : readMethodTypes().entrySet()) {
            for (Class<?> type : entry.getValue()) {
                if (COACH_FACING.contains(type)) {
                    continue;
                }
                for (String component : components(type)) {
                    if (COACH_NOTES.matcher(component).matches()) {
                        offenders.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                                .add(type.getSimpleName() + "." + component);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
        // the user-facing types of the review workflow, named: none has such a component
        for (Class<?> type : List.of(ProfileOwnerView.class, lu.entreprinder.persistence.crushlu.SubmissionForUser.class,
                CoachReviewNotice.class, ProfilePublicView.class)) {
            assertThat(components(type)).noneMatch(c -> COACH_NOTES.matcher(c).matches());
        }
        // positive control: the coach-facing record does carry them
        assertThat(components(SubmissionForCoach.class)).contains("coachNotes");
    }

    @DatabaseTest
    void coachNotesNeverReachTheOwnerOrOtherMembers(Database db, TestClock clock) {
        World w = new World(db, clock);
        List<CoachReviewNotice> notices = new CopyOnWriteArrayList<>();
        CoachReviewService coaching = new CoachReviewService(db, notices::add);
        w.build();
        String secret = "COACH-ONLY-3f9a: looks nervous on photo 2";
        long submission = coaching.submit(w.annaCrush).submissionId();
        coaching.recordScreeningCall(submission, w.coach, db.today(), secret + " (call)");
        var reviewed = coaching.approve(submission, w.coach, secret, "Welcome aboard!");
        assertThat(reviewed).isInstanceOf(CoachReviewResult.Reviewed.class);
        long rejected = coaching.submit(w.annaCrush).submissionId();
        coaching.requestRevision(rejected, w.coach, secret + " (2)", "Please add a photo");

        assertThat(coaching.getSubmissionForCoach(submission).coachNotes()).isEqualTo(secret); // control
        List<Object> userFacing = new ArrayList<>();
        userFacing.add(w.crushProfiles.getOwnerView(w.annaCrush));
        userFacing.add(coaching.listSubmissionsForProfile(w.annaCrush));
        userFacing.add(notices);
        userFacing.add(w.crushProfiles.findPublicView(w.annaCrush));
        userFacing.add(w.crushProfiles.listPublicProfiles(ProfileFilter.any(), PageRequest.first(100)));
        userFacing.add(w.events.findEventDetail(w.pastEvent, w.ben, null));
        userFacing.add(w.connections.listConnections(w.ben));
        assertThat(notices).hasSize(2);
        for (Object o : userFacing) {
            assertThat(o.toString()).doesNotContain("COACH-ONLY-3f9a");
        }
        assertThat(w.crushProfiles.getOwnerView(w.annaCrush).submissions()).extracting(s -> s.feedbackToUser())
                .contains("Welcome aboard!", "Please add a photo");
    }

    // ------------------------------------------------------------------------------------------------- phone, hash

    @Test
    void phoneAndPasswordHashOnlyThroughTheirDedicatedMethods() {
        Map<String, Set<String>> carriers = new LinkedHashMap<>();
        for (var entry : readMethodTypes().entrySet()) {
            for (Class<?> type : entry.getValue()) {
                for (String component : components(type)) {
                    if (SECRET_NAMES.matcher(component).matches()) {
                        carriers.computeIfAbsent(entry.getKey(), k -> new TreeSet<>())
                                .add(type.getSimpleName() + "." + component);
                    }
                }
            }
        }
        System.out.println("methods returning phone/password/hash components: " + carriers);
        assertThat(carriers).containsOnlyKeys("UserDao.findCredentials", "ProfileDao.getOwnerView",
                "ConnectionService.getContactDetails");
        assertThat(carriers.get("UserDao.findCredentials")).containsExactly("UserCredentials.passwordHash");
        assertThat(carriers.get("ProfileDao.getOwnerView")).containsExactly("ProfileOwnerView.phone");
        // the other person's phone, only once both consented and the coach shared (ContactSharingIT)
        assertThat(carriers.get("ConnectionService.getContactDetails")).containsExactly("ContactDetails.phone");
        // the public views by name
        for (Class<?> type : List.of(ProfilePublicView.class, lu.entreprinder.persistence.crushlu.EventAttendee.class,
                lu.entreprinder.persistence.entreprinder.UserAccount.class, ConnectionSummary.class,
                lu.entreprinder.persistence.matching.Candidate.class, lu.entreprinder.persistence.matching.UserMatch.class,
                lu.entreprinder.persistence.matching.ReceivedLike.class)) {
            assertThat(components(type)).noneMatch(c -> SECRET_NAMES.matcher(c).matches());
        }
    }

    @DatabaseTest
    void phoneAndPasswordHashValuesNeverInPublicReads(Database db, TestClock clock) {
        World w = new World(db, clock).build();
        String phone = "+352 691 111 222"; // anna's
        String hash = "pbkdf2_sha256$fixture"; // every Fixtures user's
        w.entProfiles.insertProfile(new lu.entreprinder.persistence.entreprinder.NewProfile(w.ben,
                new lu.entreprinder.persistence.entreprinder.ProfileDetails("Wine founder", "Bio", "", ""), null, null));
        w.matching.like(w.anna, w.ben);
        w.matching.like(w.ben, w.anna);
        w.registrations.register(w.anna, w.event, RegistrationDetails.none());
        w.messages.send(w.anna, w.connection, "hello");
        for (long[] pair : new long[][] {{w.anna, w.ben}, {w.ben, w.anna}}) {
            assertThat(w.voting.rate(w.votingSession, pair[0], pair[1], 5))
                    .isInstanceOf(lu.entreprinder.persistence.crushlu.RatingResult.Rated.class);
        }
        assertThat(w.votingDao.listMutualHighRatings(w.votingSession, 4)).isNotEmpty(); // the read below has data
        String token = ((lu.entreprinder.persistence.crushlu.InvitationResult.Invited) w.invitations.invite(
                w.privateEvent, w.anna, "second.guest@example.lu", "Sam", "Second")).token();

        List<Object> reads = new ArrayList<>();
        reads.add(w.crushProfiles.findPublicView(w.annaCrush));
        reads.add(w.crushProfiles.listPublicProfiles(ProfileFilter.any(), PageRequest.first(100)));
        reads.add(w.events.findEventDetail(w.pastEvent, w.ben, null));
        reads.add(w.events.listEventsForViewer(w.ben, EventFilter.all(), PageRequest.first(100)));
        reads.add(w.events.listRegistrationsForOrganizer(w.event, null));
        reads.add(w.connections.listConnections(w.ben));
        reads.add(w.messages.readConversation(w.ben, w.connection));
        reads.add(w.users.findUser(w.anna));
        reads.add(w.users.findUserByUsername("anna"));
        reads.add(w.users.findUserByEmail("anna@example.com"));
        reads.add(w.entProfiles.findProfile(w.entProfile));
        reads.add(new SearchDao(db).searchProfiles("Wine", 10));
        reads.add(w.matchingDao.listMatches(w.anna, PageRequest.first(100)));
        reads.add(w.matchingDao.listCandidates(w.carl, PageRequest.first(100)));
        reads.add(w.matchingDao.listLikesReceived(w.anna, PageRequest.first(100)));
        reads.add(w.coaching.listCoachQueue(w.coach));
        reads.add(w.journeyPlay.listJourneyStandings(w.journey));
        reads.add(w.invitations.listInvitationsForEvent(w.privateEvent));
        reads.add(w.invitations.findInvitationByToken(token).orElseThrow());
        reads.add(w.votingDao.findSessionForEvent(w.pastEvent).orElseThrow());
        reads.add(w.votingDao.listResults(w.votingSession));
        reads.add(w.votingDao.listMutualHighRatings(w.votingSession, 4));
        for (Object r : reads) {
            assertThat(r.toString()).doesNotContain(phone).doesNotContain(hash);
        }
        // the owner's view shows the phone; the credentials look-up the hash (and masks it in toString)
        assertThat(w.crushProfiles.getOwnerView(w.annaCrush).phone()).isEqualTo(phone);
        UserCredentials credentials = w.users.findCredentials("anna").orElseThrow();
        assertThat(credentials.passwordHash()).isEqualTo(hash);
        assertThat(credentials.toString()).doesNotContain(hash);
    }

    // ------------------------------------------------------------------------------------------------- owner view

    @DatabaseTest
    void ownerOnlyProfileView(Database db, TestClock clock) {
        World w = new World(db, clock).build();
        long shy = Fixtures.user(db, "shy");
        long shyProfile = Fixtures.crushProfile(db, shy).showFullName(false).showExactAge(false)
                .phone("+352 600 000 001").insert();
        long pending = Fixtures.crushProfile(db, Fixtures.user(db, "pending")).approved(false).insert();
        long inactive = Fixtures.crushProfile(db, Fixtures.user(db, "gone")).active(false).insert();

        ProfileOwnerView owner = w.crushProfiles.getOwnerView(shyProfile);
        assertThat(owner.phone()).isEqualTo("+352 600 000 001");
        assertThat(owner.lastName()).isEqualTo("Tester");
        assertThat(owner.dateOfBirth()).isNotNull();

        ProfilePublicView pub = w.crushProfiles.findPublicView(shyProfile).orElseThrow();
        assertThat(pub.displayName()).isEqualTo("Shy");
        assertThat(pub.age()).isEmpty();
        assertThat(pub.toString()).doesNotContain("+352 600 000 001").doesNotContain("Tester")
                .doesNotContain(owner.dateOfBirth().toString());
        assertThat(components(ProfilePublicView.class)).doesNotContain("phone", "dateOfBirth", "lastName");

        // unapproved and inactive profiles have no public view and are not listed
        assertThat(w.crushProfiles.findPublicView(pending)).isEmpty();
        assertThat(w.crushProfiles.findPublicView(inactive)).isEmpty();
        assertThat(w.crushProfiles.listPublicProfiles(ProfileFilter.any(), PageRequest.first(100)).items())
                .extracting(ProfilePublicView::profileId).contains(shyProfile).doesNotContain(pending, inactive);
        // Note (reported): getOwnerView(profileId) takes no viewer; ownership is the caller's check.
        assertThat(w.crushProfiles.getOwnerView(pending).approved()).isFalse();
    }

    // ------------------------------------------------------------------------------------------------- reflection

    /** "Class.method" → every record / sealed type reachable from the public method's return type. */
    static Map<String, Set<Class<?>>> readMethodTypes() {
        Map<String, Set<Class<?>>> out = new LinkedHashMap<>();
        for (Class<?> service : SERVICES) {
            for (Method m : service.getMethods()) {
                if (m.getDeclaringClass() != service || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Set<Class<?>> types = new LinkedHashSet<>();
                collect(m.getGenericReturnType(), types);
                out.merge(service.getSimpleName() + "." + m.getName(), types, (a, b) -> {
                    a.addAll(b);
                    return a;
                });
            }
        }
        return out;
    }

    private static void collect(Type type, Set<Class<?>> into) {
        if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), into);
            for (Type arg : p.getActualTypeArguments()) {
                collect(arg, into);
            }
        } else if (type instanceof WildcardType wt) {
            for (Type b : wt.getUpperBounds()) {
                collect(b, into);
            }
        } else if (type instanceof Class<?> c) {
            if (!c.getName().startsWith("lu.entreprinder.persistence") || !into.add(c)) {
                return;
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    collect(rc.getGenericType(), into);
                }
            }
            if (c.isSealed()) {
                for (Class<?> sub : c.getPermittedSubclasses()) {
                    collect(sub, into);
                }
            }
        }
    }

    static List<String> components(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            names.add(rc.getName());
        }
        return names;
    }
}
