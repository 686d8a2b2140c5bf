package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_COACH;
import static lu.entreprinder.persistence.schema.generated.Tables.EVENT_INVITATION;
import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.schema.AccountEmail;
import lu.entreprinder.persistence.schema.generated.tables.records.EventInvitationRecord;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.SelectConditionStep;
import org.jooq.SelectOnConditionStep;

/**
 * Guest invitations to private events ({@code crush_lu_eventinvitation}), with their own lifecycle: an organizer
 * invites an e-mail address (pending, with an expiry), the guest accepts with the token (which creates the guest's
 * {@code auth_user} row), and a coach approves or rejects the guest (any {@code crush_lu_crushcoach} row: the seed's
 * coach has no active flag yet); only after an approval does the private event
 * become visible to the guest ({@link EventDao#listEventsForViewer}, {@link EventDao#findEventDetail}) and open to
 * their registration without a code ({@link RegistrationService#register}). The schema has no organizer column:
 * the caller checks that its user may invite to the event.
 *
 * <p>The guest's user is inserted here, not through entreprinder's {@code UserDao} (DAO modules never depend on one
 * another), with the same rules: Django's username characters, the {@code auth_user_username_key} constraint, and
 * one account per e-mail address case-insensitively under the same lock ({@code pg_advisory_xact_lock} on
 * {@code 'auth_user.email:' || address} on PostgreSQL, the write lock on SQLite), so a guest and a sign-up of the
 * same address at the same moment are serialized.
 */
public final class InvitationService {

    /** How long an invitation stays valid (default 14 days), never beyond the event's start. */
    public static final Duration VALIDITY = Duration.ofDays(14);

    private static final Pattern USERNAME = Pattern.compile("[\\w.@+-]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String USERNAME_UNIQUE = "auth_user_username_key";
    private static final String PENDING = InvitationStatus.PENDING.dbValue();
    private static final String ACCEPTED = InvitationStatus.ACCEPTED.dbValue();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;

    public InvitationService(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Invites a guest by e-mail to a private invitation event that is not cancelled and has not started. The
     * invitation expires after {@link #VALIDITY}, or when the event starts if that is earlier. The e-mail is stored
     * trimmed and lower-cased; one invitation per (event, address). Two statements on PostgreSQL (the event locked,
     * with the inviter's and any earlier invitation's existence; the insert), three on SQLite (jOOQ emulates the
     * insert's {@code RETURNING}); one when refused.
     *
     * @throws ValidationException (field {@code eventId}, {@code invitedByUserId}, {@code email},
     *         {@code firstName} or {@code lastName}); nothing is written
     * @throws NotFoundException for an unknown event or inviting user
     */
    public InvitationResult invite(long eventId, long invitedByUserId, String email, String firstName,
                                   String lastName) {
        Check.id(eventId, "eventId");
        Check.userId(invitedByUserId, "invitedByUserId");
        String address = email(email);
        String first = Check.optionalText(firstName, 150, "firstName");
        String last = Check.optionalText(lastName, 150, "lastName");
        return db.inTransaction(tx -> {
            var e = MEETUP_EVENT;
            var i = EVENT_INVITATION;
            Field<Boolean> inviterExists = field(exists(selectOne().from(USER)
                    .where(USER.ID.eq(invitedByUserId)))).as("inviter_exists");
            Field<Long> earlierId = field(select(i.ID).from(i)
                    .where(i.EVENT_ID.eq(e.ID), i.GUEST_EMAIL.eq(address))).as("earlier_id");
            Field<String> earlierStatus = field(select(i.STATUS).from(i)
                    .where(i.EVENT_ID.eq(e.ID), i.GUEST_EMAIL.eq(address))).as("earlier_status");
            // The event row lock serializes invitations of one event: the check below stays true until the insert.
            Record event = tx.forUpdate(tx.dsl()
                    .select(e.ID, e.EVENT_DATE, e.IS_PRIVATE_INVITATION, e.IS_CANCELLED, inviterExists, earlierId,
                            earlierStatus)
                    .from(e).where(e.ID.eq(eventId))).fetchOne();
            if (event == null) {
                throw new NotFoundException("event", eventId);
            }
            if (!event.get(inviterExists)) {
                throw new NotFoundException("user", invitedByUserId);
            }
            if (event.get(earlierId) != null) {
                return new InvitationResult.AlreadyInvited(event.get(earlierId),
                        InvitationStatus.fromDb(event.get(earlierStatus)));
            }
            OffsetDateTime now = tx.now();
            OffsetDateTime starts = event.get(e.EVENT_DATE);
            if (!event.get(e.IS_PRIVATE_INVITATION) || event.get(e.IS_CANCELLED) || !now.isBefore(starts)) {
                return new InvitationResult.NotInvitable();
            }
            OffsetDateTime expires = now.plus(VALIDITY).isBefore(starts) ? now.plus(VALIDITY) : starts;
            String token = newToken();
            long id = tx.dsl().insertInto(i)
                    .set(i.EVENT_ID, eventId)
                    .set(i.INVITED_BY_USER_ID, invitedByUserId)
                    .set(i.GUEST_EMAIL, address)
                    .set(i.GUEST_FIRST_NAME, first)
                    .set(i.GUEST_LAST_NAME, last)
                    .set(i.TOKEN, token)
                    .set(i.STATUS, PENDING)
                    .set(i.CREATED_AT, now)
                    .set(i.EXPIRES_AT, expires)
                    .set(i.APPROVAL_STATUS, GuestApproval.PENDING.dbValue())
                    .returning(i.ID)
                    .fetchOne(i.ID);
            return new InvitationResult.Invited(id, token, expires);
        });
    }

    /**
     * The guest accepts the invitation with its token and chooses a username; the guest's {@code auth_user} row is
     * created (active, not staff, names and e-mail from the invitation, {@code passwordHash} as the caller's Django
     * hasher produced it) and the invitation becomes accepted, in one transaction under the invitation's row lock:
     * of two accepts at once exactly one creates a user, the other answers
     * {@link InvitationAcceptResult.AlreadyAccepted}. An invitation past {@code expires_at} is refused (and marked
     * expired). When a user with the invitation's e-mail exists already, no second account is made
     * ({@link InvitationAcceptResult.EmailInUse}; the organizer can add that member as a special user instead).
     * Statements: 5 on PostgreSQL (invitation lock, e-mail lock, e-mail check, user insert, invitation update);
     * 5 on SQLite (no e-mail lock, as the transaction holds the write lock, but jOOQ emulates the insert's
     * {@code RETURNING} with a second statement); 1 for an invitation that is no longer pending.
     *
     * @throws ValidationException (field {@code token}, {@code username} or {@code passwordHash}); nothing is written
     */
    public InvitationAcceptResult accept(String token, String username, String passwordHash) {
        String key = Check.text(token, 64, "token");
        String name = Check.text(username, 150, "username");
        if (!USERNAME.matcher(name).matches()) {
            throw new ValidationException("username", "may contain only letters, digits and @ . + - _");
        }
        String hash = Check.text(passwordHash, 128, "passwordHash");
        return db.inTransaction(tx -> {
            var i = EVENT_INVITATION;
            var query = tx.dsl().selectFrom(i).where(i.TOKEN.eq(key));
            EventInvitationRecord inv = tx.forUpdate(query).fetchOne();
            if (inv == null) {
                return new InvitationAcceptResult.UnknownToken();
            }
            switch (InvitationStatus.fromDb(inv.getStatus())) {
                case ACCEPTED -> {
                    return new InvitationAcceptResult.AlreadyAccepted(inv.getId());
                }
                case CANCELLED -> {
                    return new InvitationAcceptResult.Cancelled(inv.getId());
                }
                case EXPIRED -> {
                    return new InvitationAcceptResult.Expired(inv.getId());
                }
                case PENDING -> {
                    // below
                }
            }
            OffsetDateTime now = tx.now();
            if (!now.isBefore(inv.getExpiresAt())) {
                tx.dsl().update(i).set(i.STATUS, InvitationStatus.EXPIRED.dbValue()).where(i.ID.eq(inv.getId()))
                        .execute();
                return new InvitationAcceptResult.Expired(inv.getId());
            }
            String email = AccountEmail.normalize(inv.getGuestEmail());
            tx.lockKeys(AccountEmail.LOCK_NAMESPACE, List.of(email));
            if (tx.dsl().fetchExists(USER, lower(USER.EMAIL).eq(email).and(USER.EMAIL.ne("")))) {
                return new InvitationAcceptResult.EmailInUse(email);
            }
            RaceSeam.of(db).pause("invitation.before-insert");
            Long userId;
            try {
                // Its own savepoint: a taken username fails this statement only, and becomes an outcome.
                userId = db.inTransaction(inner -> inner.dsl().insertInto(USER)
                        .set(USER.PASSWORD, hash)
                        .set(USER.IS_SUPERUSER, false)
                        .set(USER.USERNAME, name)
                        .set(USER.FIRST_NAME, Check.optionalText(inv.getGuestFirstName(), 150, "firstName"))
                        .set(USER.LAST_NAME, Check.optionalText(inv.getGuestLastName(), 150, "lastName"))
                        .set(USER.EMAIL, email)
                        .set(USER.IS_STAFF, false)
                        .set(USER.IS_ACTIVE, true)
                        .set(USER.DATE_JOINED, now)
                        .returning(USER.ID)
                        .fetchOne(USER.ID));
            } catch (ConflictException ex) {
                if (USERNAME_UNIQUE.equals(ex.constraint())) {
                    return new InvitationAcceptResult.UsernameTaken(name);
                }
                throw ex;
            }
            tx.dsl().update(i)
                    .set(i.STATUS, ACCEPTED)
                    .set(i.ACCEPTED_AT, now)
                    .set(i.GUEST_USER_ID, userId)
                    .where(i.ID.eq(inv.getId()))
                    .execute();
            return new InvitationAcceptResult.Accepted(inv.getId(), inv.getEventId(), userId);
        });
    }

    /**
     * A coach approves the accepted guest: from now on the invitation's private event is visible to the guest and
     * open to their registration. Two statements (the invitation locked, with the coach looked up; the update).
     *
     * @throws ValidationException (field {@code invitationId} or {@code coachUserId}) for a non-positive id
     * @throws NotFoundException for an unknown invitation
     */
    public GuestApprovalResult approveGuest(long invitationId, long coachUserId) {
        return decide(invitationId, coachUserId, GuestApproval.APPROVED);
    }

    /**
     * A coach rejects the accepted guest: the private event stays invisible to them. Two statements.
     *
     * @throws ValidationException (field {@code invitationId} or {@code coachUserId}) for a non-positive id
     * @throws NotFoundException for an unknown invitation
     */
    public GuestApprovalResult rejectGuest(long invitationId, long coachUserId) {
        return decide(invitationId, coachUserId, GuestApproval.REJECTED);
    }

    private GuestApprovalResult decide(long invitationId, long coachUserId, GuestApproval decision) {
        Check.id(invitationId, "invitationId");
        Check.userId(coachUserId, "coachUserId");
        return db.inTransaction(tx -> {
            var i = EVENT_INVITATION;
            var c = CRUSH_COACH;
            // only an active coach decides (V20): an inactive one is answered as a non-coach
            Field<Long> coachId = field(select(c.ID).from(c).where(c.USER_ID.eq(coachUserId), c.IS_ACTIVE.isTrue()))
                    .as("coach_id");
            Record inv = tx.forUpdate(tx.dsl().select(i.ID, i.STATUS, i.GUEST_USER_ID, i.APPROVAL_STATUS, coachId)
                    .from(i).where(i.ID.eq(invitationId))).fetchOne();
            if (inv == null) {
                throw new NotFoundException("invitation", invitationId);
            }
            if (inv.get(coachId) == null) {
                return new GuestApprovalResult.NotACoach();
            }
            InvitationStatus status = InvitationStatus.fromDb(inv.get(i.STATUS));
            if (status != InvitationStatus.ACCEPTED || inv.get(i.GUEST_USER_ID) == null) {
                return new GuestApprovalResult.NotAccepted(status);
            }
            GuestApproval before = GuestApproval.fromDb(inv.get(i.APPROVAL_STATUS));
            if (before != GuestApproval.PENDING) {
                return new GuestApprovalResult.AlreadyDecided(before);
            }
            tx.dsl().update(i)
                    .set(i.APPROVAL_STATUS, decision.dbValue())
                    .set(i.APPROVED_BY_ID, inv.get(coachId))
                    .set(i.APPROVED_AT, tx.now())
                    .where(i.ID.eq(invitationId))
                    .execute();
            return new GuestApprovalResult.Decided(invitationId, inv.get(i.GUEST_USER_ID), decision);
        });
    }

    /**
     * The invitation with this token (what the guest's accept page shows), with its event's title and date. One
     * statement.
     *
     * @throws ValidationException (field {@code token}) if blank or longer than 64 characters
     */
    public Optional<Invitation> findInvitationByToken(String token) {
        String key = Check.text(token, 64, "token");
        return invitationQuery(EVENT_INVITATION.TOKEN.eq(key)).fetchOptional(InvitationService::toInvitation);
    }

    /**
     * The event's invitations, oldest first, with their guests' state (for the organizer and the coaches). One
     * statement.
     *
     * @throws ValidationException (field {@code eventId}) for a non-positive id
     */
    public List<Invitation> listInvitationsForEvent(long eventId) {
        Check.id(eventId, "eventId");
        return invitationQuery(EVENT_INVITATION.EVENT_ID.eq(eventId))
                .orderBy(EVENT_INVITATION.CREATED_AT, EVENT_INVITATION.ID)
                .fetch(InvitationService::toInvitation);
    }

    /**
     * The invitations a coach approved for {@code userId} to the event {@code eventId}: the sub-select of the
     * visibility rule ("an approved guest sees the private event").
     */
    static SelectConditionStep<Record1<Integer>> approvedGuest(Field<Long> eventId, Field<Long> userId) {
        var i = EVENT_INVITATION;
        return selectOne().from(i).where(i.EVENT_ID.eq(eventId), i.GUEST_USER_ID.eq(userId),
                i.STATUS.eq(ACCEPTED), i.APPROVAL_STATUS.eq(GuestApproval.APPROVED.dbValue()));
    }

    static SelectConditionStep<Record1<Integer>> approvedGuest(long eventId, Field<Long> userId) {
        return approvedGuest(val(eventId), userId);
    }

    private SelectConditionStep<Record> invitationQuery(Condition where) {
        var i = EVENT_INVITATION;
        var e = MEETUP_EVENT;
        SelectOnConditionStep<Record> q = db.dsl().select(i.fields()).select(e.TITLE, e.EVENT_DATE)
                .from(i).join(e).on(e.ID.eq(i.EVENT_ID));
        return q.where(where);
    }

    private static Invitation toInvitation(Record rec) {
        EventInvitationRecord i = rec.into(EVENT_INVITATION);
        return new Invitation(i.getId(), i.getEventId(), rec.get(MEETUP_EVENT.TITLE), rec.get(MEETUP_EVENT.EVENT_DATE),
                i.getInvitedByUserId(), i.getGuestEmail(), i.getGuestFirstName(), i.getGuestLastName(),
                InvitationStatus.fromDb(i.getStatus()), i.getCreatedAt(), i.getExpiresAt(),
                Optional.ofNullable(i.getAcceptedAt()), Optional.ofNullable(i.getGuestUserId()),
                GuestApproval.fromDb(i.getApprovalStatus()), Optional.ofNullable(i.getApprovedById()),
                Optional.ofNullable(i.getApprovedAt()));
    }

    private static String email(String value) {
        String email = AccountEmail.normalize(Check.text(value, 254, "email"));
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1
                || email.chars().anyMatch(Character::isWhitespace)) {
            throw new ValidationException("email", "must be an e-mail address like name@example.lu");
        }
        return email;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
