package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_COACH;
import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.PROFILE_SUBMISSION;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.Transaction;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.crushlu.internal.ProfileDisplay;
import lu.entreprinder.persistence.crushlu.internal.ProfileJson;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * The coach review workflow of Crush.lu profiles: submitting a profile (with the seed's {@code assign_coach}: the
 * coach with the fewest pending submissions below their {@code max_active_reviews}, ties to the lowest coach id),
 * the reviews (approve, reject, request a revision; only by the assigned coach, only once), and the queues.
 *
 * <p>Rules of the platform beyond the seed (V20): only active coaches ({@code is_active}) are assigned submissions
 * and may review; a submission is approved only after its screening call was recorded
 * ({@link #recordScreeningCall}); a revision request leaves the profile's approval as it was; a coach cannot have a
 * dating profile (see {@link #insertCoach} and {@link ProfileDao#insertProfile}).
 *
 * <p>Capacity is safe under concurrency: every assignment locks all coach rows in id order before counting, so two
 * submissions never both take a coach's last slot (SQLite: the immediate transaction serialises writers).
 */
public final class CoachReviewService {

    private final Database db;
    private final CoachReviewListener listener;

    public CoachReviewService(Database db, CoachReviewListener listener) {
        this.db = Objects.requireNonNull(db, "db");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    // ------------------------------------------------------------------------------------------------ coaches

    /**
     * Makes an existing user a coach who reviews at most {@code maxActiveReviews} pending submissions at a time.
     *
     * <p>A coach cannot have a dating profile: the user's row is locked (as {@link ProfileDao#insertProfile} does),
     * so a profile and a coach role created at the same time for one user cannot both succeed.
     *
     * @return the coach id
     * @throws ValidationException (fields {@code userId}, {@code specialization} (1–100 characters), {@code bio},
     *         {@code maxActiveReviews} (0–1000); {@code userId} also when the user has a Crush.lu profile); nothing
     *         is written
     * @throws lu.entreprinder.persistence.core.ForeignKeyViolationException if the user does not exist
     * @throws lu.entreprinder.persistence.core.ConflictException (constraint {@code crush_lu_crushcoach_user_id_key})
     *         if the user is a coach already
     */
    public long insertCoach(long userId, String specialization, String bio, int maxActiveReviews) {
        long user = Check.userId(userId, "userId");
        String checkedSpecialization = Check.text(specialization, 100, "specialization");
        String checkedBio = Check.optionalText(bio, 0, "bio");
        int max = Check.range(maxActiveReviews, 0, 1000, "maxActiveReviews");
        return db.inTransaction(tx -> {
            // the lock first, the check in a statement of its own (see ProfileDao.insertProfile)
            tx.forUpdate(tx.dsl().select(USER.ID).from(USER).where(USER.ID.eq(user))).fetch();
            if (tx.dsl().fetchExists(CRUSH_PROFILE, CRUSH_PROFILE.USER_ID.eq(user))) {
                throw new ValidationException("userId", "has a Crush.lu profile; a coach cannot have one");
            }
            RaceSeam.of(db).pause("coach.before-insert");
            return tx.dsl().insertInto(CRUSH_COACH)
                    .set(CRUSH_COACH.USER_ID, user)
                    .set(CRUSH_COACH.SPECIALIZATION, checkedSpecialization)
                    .set(CRUSH_COACH.BIO, checkedBio)
                    .set(CRUSH_COACH.MAX_ACTIVE_REVIEWS, max)
                    .returning(CRUSH_COACH.ID)
                    .fetchOne(CRUSH_COACH.ID);
        });
    }

    /**
     * Activates or deactivates a coach. An inactive coach is never assigned a submission and cannot review or record
     * a screening call ({@link CoachReviewResult.CoachInactive}); submissions already assigned stay assigned.
     *
     * @return false if the coach does not exist
     * @throws ValidationException (field {@code coachId}) for a non-positive id
     */
    public boolean updateCoachActive(long coachId, boolean active) {
        Check.id(coachId, "coachId");
        return db.dsl().update(CRUSH_COACH).set(CRUSH_COACH.IS_ACTIVE, active)
                .where(CRUSH_COACH.ID.eq(coachId)).execute() == 1;
    }

    // ------------------------------------------------------------------------------------------------ submission

    /**
     * Submits a profile for review: creates a pending submission and assigns it to the available (active, below
     * capacity) coach with the fewest pending submissions (lowest id on a tie); leaves it unassigned when no active
     * coach has capacity. A profile keeps its submissions as a history (e.g. a new one after a revision request);
     * this does not refuse a second pending one.
     *
     * @throws ValidationException (field {@code profileId}) for a non-positive id
     * @throws NotFoundException if the profile does not exist
     */
    public SubmissionReceipt submit(long profileId) {
        Check.id(profileId, "profileId");
        return db.inTransaction(tx -> {
            boolean exists = tx.dsl().fetchExists(CRUSH_PROFILE, CRUSH_PROFILE.ID.eq(profileId));
            if (!exists) {
                throw new NotFoundException("profile", profileId);
            }
            List<CoachLoad> loads = coachLoads(tx);
            RaceSeam.of(db).pause("coach-review.between-count-and-write");
            Long coachId = pick(loads);
            long id = tx.dsl().insertInto(PROFILE_SUBMISSION)
                    .set(PROFILE_SUBMISSION.PROFILE_ID, profileId)
                    .set(PROFILE_SUBMISSION.COACH_ID, coachId)
                    .set(PROFILE_SUBMISSION.STATUS, SubmissionStatus.PENDING.dbValue())
                    .set(PROFILE_SUBMISSION.CREATED_AT, db.now())
                    .set(PROFILE_SUBMISSION.COACH_NOTES, "")
                    .set(PROFILE_SUBMISSION.FEEDBACK_TO_USER, "")
                    .returning(PROFILE_SUBMISSION.ID)
                    .fetchOne(PROFILE_SUBMISSION.ID);
            return new SubmissionReceipt(id, coachId == null ? OptionalLong.empty() : OptionalLong.of(coachId));
        });
    }

    /**
     * Assigns pending unassigned submissions, oldest first, to coaches with capacity (same rule as {@link #submit}),
     * until no coach has capacity.
     *
     * @return how many submissions were assigned
     */
    public int assignUnassigned() {
        return db.inTransaction(tx -> {
            List<CoachLoad> loads = coachLoads(tx);
            List<Long> waiting = tx.forUpdate(tx.dsl().select(PROFILE_SUBMISSION.ID).from(PROFILE_SUBMISSION)
                            .where(PROFILE_SUBMISSION.COACH_ID.isNull())
                            .and(PROFILE_SUBMISSION.STATUS.eq(SubmissionStatus.PENDING.dbValue()))
                            .orderBy(PROFILE_SUBMISSION.CREATED_AT, PROFILE_SUBMISSION.ID))
                    .fetch(PROFILE_SUBMISSION.ID);
            int assigned = 0;
            for (Long submissionId : waiting) {
                Long coachId = pick(loads);
                if (coachId == null) {
                    break;
                }
                tx.dsl().update(PROFILE_SUBMISSION).set(PROFILE_SUBMISSION.COACH_ID, coachId)
                        .where(PROFILE_SUBMISSION.ID.eq(submissionId)).execute();
                assigned++;
            }
            return assigned;
        });
    }

    private static final class CoachLoad {
        final long coachId;
        final int max;
        int pending;

        CoachLoad(long coachId, int max, int pending) {
            this.coachId = coachId;
            this.max = max;
            this.pending = pending;
        }
    }

    /**
     * Locks every coach row in id order, then counts the pending submissions of the active ones (inactive coaches are
     * never assigned).
     */
    private List<CoachLoad> coachLoads(Transaction tx) {
        tx.forUpdate(tx.dsl().select(CRUSH_COACH.ID).from(CRUSH_COACH).orderBy(CRUSH_COACH.ID)).fetch();
        Field<Integer> pending = selectCount().from(PROFILE_SUBMISSION)
                .where(PROFILE_SUBMISSION.COACH_ID.eq(CRUSH_COACH.ID))
                .and(PROFILE_SUBMISSION.STATUS.eq(SubmissionStatus.PENDING.dbValue()))
                .asField("pending");
        Result<Record3<Long, Integer, Integer>> rows = tx.dsl()
                .select(CRUSH_COACH.ID, CRUSH_COACH.MAX_ACTIVE_REVIEWS, pending)
                .from(CRUSH_COACH).where(CRUSH_COACH.IS_ACTIVE.isTrue()).orderBy(CRUSH_COACH.ID).fetch();
        List<CoachLoad> loads = new ArrayList<>(rows.size());
        for (Record3<Long, Integer, Integer> r : rows) {
            loads.add(new CoachLoad(r.value1(), r.value2(), r.value3()));
        }
        return loads;
    }

    /** The coach with the fewest pending below capacity, lowest id on a tie; counts the new one. Null if none. */
    private static Long pick(List<CoachLoad> loads) {
        CoachLoad best = null;
        for (CoachLoad l : loads) {
            if (l.pending < l.max && (best == null || l.pending < best.pending)) {
                best = l;
            }
        }
        if (best == null) {
            return null;
        }
        best.pending++;
        return best.coachId;
    }

    // ------------------------------------------------------------------------------------------------ reviews

    /**
     * Approves the submission: it becomes {@code approved} with the review time and texts, and the profile becomes
     * approved ({@code approved_at} = now). The listener hears about it after the commit. Needs a recorded screening
     * call ({@link CoachReviewResult.ScreeningCallRequired} otherwise) and an active assigned coach
     * ({@link CoachReviewResult.NotAssignedCoach}, {@link CoachReviewResult.CoachInactive}); a refusal writes nothing.
     *
     * @throws ValidationException (fields {@code submissionId}, {@code coachId}, {@code coachNotes},
     *         {@code feedbackToUser}) for bad input; nothing is written
     * @throws NotFoundException if the submission does not exist
     */
    public CoachReviewResult approve(long submissionId, long coachId, String coachNotes, String feedbackToUser) {
        return review(submissionId, coachId, SubmissionStatus.APPROVED, coachNotes, feedbackToUser);
    }

    /**
     * Rejects the submission; the profile stays (or becomes) unapproved. The listener hears about it after the
     * commit.
     *
     * @throws ValidationException as {@link #approve}; also ({@code feedbackToUser}) when blank
     * @throws NotFoundException if the submission does not exist
     */
    public CoachReviewResult reject(long submissionId, long coachId, String coachNotes, String feedbackToUser) {
        return review(submissionId, coachId, SubmissionStatus.REJECTED, coachNotes, feedbackToUser);
    }

    /**
     * Asks the owner to revise the profile; the profile's approval stays as it was (an approved profile stays listed
     * while its owner revises it; the platform's rule, the seed does not say). The listener hears about it after the
     * commit.
     *
     * @throws ValidationException as {@link #approve}; also ({@code feedbackToUser}) when blank
     * @throws NotFoundException if the submission does not exist
     */
    public CoachReviewResult requestRevision(long submissionId, long coachId, String coachNotes,
                                             String feedbackToUser) {
        return review(submissionId, coachId, SubmissionStatus.REVISION, coachNotes, feedbackToUser);
    }

    private CoachReviewResult review(long submissionId, long coachId, SubmissionStatus outcome, String coachNotes,
                                     String feedbackToUser) {
        Check.id(submissionId, "submissionId");
        Check.id(coachId, "coachId");
        String notes = Check.optionalText(coachNotes, 0, "coachNotes");
        String feedback = outcome == SubmissionStatus.APPROVED
                ? Check.optionalText(feedbackToUser, 0, "feedbackToUser")
                : Check.text(feedbackToUser, 0, "feedbackToUser");
        return db.inTransaction(tx -> {
            // lock the submission row only (a second review of the same submission waits, then sees it closed)
            Record row = tx.forUpdate(tx.dsl()
                            .select(PROFILE_SUBMISSION.PROFILE_ID, PROFILE_SUBMISSION.COACH_ID, PROFILE_SUBMISSION.STATUS,
                                    PROFILE_SUBMISSION.CREATED_AT, PROFILE_SUBMISSION.SCREENING_CALL_COMPLETED,
                                    PROFILE_SUBMISSION.SCREENING_CALL_DATE, PROFILE_SUBMISSION.SCREENING_CALL_NOTES,
                                    coachActive(coachId))
                            .from(PROFILE_SUBMISSION)
                            .where(PROFILE_SUBMISSION.ID.eq(submissionId)))
                    .fetchOptional()
                    .orElseThrow(() -> new NotFoundException("submission", submissionId));
            Long assigned = row.get(PROFILE_SUBMISSION.COACH_ID);
            if (assigned == null || assigned != coachId) {
                return new CoachReviewResult.NotAssignedCoach(submissionId,
                        assigned == null ? OptionalLong.empty() : OptionalLong.of(assigned));
            }
            if (!Boolean.TRUE.equals(row.get(COACH_ACTIVE))) {
                return new CoachReviewResult.CoachInactive(coachId);
            }
            SubmissionStatus status = SubmissionStatus.fromDb(row.get(PROFILE_SUBMISSION.STATUS));
            if (status != SubmissionStatus.PENDING) {
                return new CoachReviewResult.AlreadyClosed(submissionId, status);
            }
            Optional<ScreeningCall> call = screeningCall(row);
            if (outcome == SubmissionStatus.APPROVED && call.isEmpty()) {
                return new CoachReviewResult.ScreeningCallRequired(submissionId);
            }
            OffsetDateTime now = db.now();
            long profileId = row.get(PROFILE_SUBMISSION.PROFILE_ID);
            tx.dsl().update(PROFILE_SUBMISSION)
                    .set(PROFILE_SUBMISSION.STATUS, outcome.dbValue())
                    .set(PROFILE_SUBMISSION.REVIEWED_AT, now)
                    .set(PROFILE_SUBMISSION.COACH_NOTES, notes)
                    .set(PROFILE_SUBMISSION.FEEDBACK_TO_USER, feedback)
                    .where(PROFILE_SUBMISSION.ID.eq(submissionId))
                    .execute();
            if (outcome != SubmissionStatus.REVISION) {
                boolean approved = outcome == SubmissionStatus.APPROVED;
                tx.dsl().update(CRUSH_PROFILE)
                        .set(CRUSH_PROFILE.IS_APPROVED, approved)
                        .set(CRUSH_PROFILE.APPROVED_AT, approved ? now : null)
                        .where(CRUSH_PROFILE.ID.eq(profileId))
                        .execute();
            }
            Record owner = tx.dsl().select(CRUSH_PROFILE.USER_ID, USER.EMAIL, USER.FIRST_NAME)
                    .from(CRUSH_PROFILE)
                    .join(USER).on(USER.ID.eq(CRUSH_PROFILE.USER_ID))
                    .where(CRUSH_PROFILE.ID.eq(profileId))
                    .fetchSingle();
            CoachReviewNotice notice = new CoachReviewNotice(submissionId, profileId, owner.get(CRUSH_PROFILE.USER_ID),
                    owner.get(USER.EMAIL), owner.get(USER.FIRST_NAME), outcome, feedback);
            tx.afterCommit(() -> listener.onReviewed(notice));
            return new CoachReviewResult.Reviewed(new SubmissionForCoach(submissionId, profileId,
                    OptionalLong.of(coachId), outcome, row.get(PROFILE_SUBMISSION.CREATED_AT), Optional.of(now), notes,
                    feedback, call));
        });
    }

    private static final Field<Boolean> COACH_ACTIVE = DSL.field(DSL.name("coach_active"), Boolean.class);

    /** Whether coach {@code coachId} exists and is active, as a column of the submission's locking read. */
    private static Field<Boolean> coachActive(long coachId) {
        return DSL.coalesce(field(select(CRUSH_COACH.IS_ACTIVE).from(CRUSH_COACH).where(CRUSH_COACH.ID.eq(coachId))),
                DSL.inline(false)).as(COACH_ACTIVE);
    }

    private static Optional<ScreeningCall> screeningCall(Record r) {
        if (!Boolean.TRUE.equals(r.get(PROFILE_SUBMISSION.SCREENING_CALL_COMPLETED))
                || r.get(PROFILE_SUBMISSION.SCREENING_CALL_DATE) == null) {
            return Optional.empty();
        }
        return Optional.of(new ScreeningCall(r.get(PROFILE_SUBMISSION.SCREENING_CALL_DATE),
                r.get(PROFILE_SUBMISSION.SCREENING_CALL_NOTES)));
    }

    /**
     * Records the screening call the assigned coach had with the profile's owner, which approval requires: the
     * submission gets {@code screening_call_completed}, the date and the notes (a later call while it is pending
     * replaces them). Runs in a transaction with the submission row locked, as the reviews do.
     *
     * @param callDate the day of the call (in the library's zone): not after today, not before the day the profile
     *                 was submitted
     * @param notes    the coach's notes of the call (internal; may be empty)
     * @throws ValidationException (fields {@code submissionId}, {@code coachId}, {@code callDate} (required, not in
     *         the future, not before the submission), {@code notes} (no NUL)); nothing is written
     * @throws NotFoundException if the submission does not exist
     */
    public ScreeningCallResult recordScreeningCall(long submissionId, long coachId, LocalDate callDate,
                                                   String notes) {
        Check.id(submissionId, "submissionId");
        Check.id(coachId, "coachId");
        LocalDate date = Check.date(callDate, "callDate");
        if (date.isAfter(db.today())) {
            throw new ValidationException("callDate", "must not be in the future");
        }
        String checkedNotes = Check.optionalText(notes, 0, "notes");
        return db.inTransaction(tx -> {
            Record row = tx.forUpdate(tx.dsl()
                            .select(PROFILE_SUBMISSION.COACH_ID, PROFILE_SUBMISSION.STATUS,
                                    PROFILE_SUBMISSION.CREATED_AT, coachActive(coachId))
                            .from(PROFILE_SUBMISSION)
                            .where(PROFILE_SUBMISSION.ID.eq(submissionId)))
                    .fetchOptional()
                    .orElseThrow(() -> new NotFoundException("submission", submissionId));
            if (date.isBefore(row.get(PROFILE_SUBMISSION.CREATED_AT).atZoneSameInstant(db.zone()).toLocalDate())) {
                throw new ValidationException("callDate", "must not be before the profile was submitted");
            }
            Long assigned = row.get(PROFILE_SUBMISSION.COACH_ID);
            if (assigned == null || assigned != coachId) {
                return new ScreeningCallResult.NotAssignedCoach(submissionId,
                        assigned == null ? OptionalLong.empty() : OptionalLong.of(assigned));
            }
            if (!Boolean.TRUE.equals(row.get(COACH_ACTIVE))) {
                return new ScreeningCallResult.CoachInactive(coachId);
            }
            SubmissionStatus status = SubmissionStatus.fromDb(row.get(PROFILE_SUBMISSION.STATUS));
            if (status != SubmissionStatus.PENDING) {
                return new ScreeningCallResult.AlreadyClosed(submissionId, status);
            }
            tx.dsl().update(PROFILE_SUBMISSION)
                    .set(PROFILE_SUBMISSION.SCREENING_CALL_COMPLETED, true)
                    .set(PROFILE_SUBMISSION.SCREENING_CALL_DATE, date)
                    .set(PROFILE_SUBMISSION.SCREENING_CALL_NOTES, checkedNotes)
                    .where(PROFILE_SUBMISSION.ID.eq(submissionId))
                    .execute();
            return new ScreeningCallResult.Recorded(submissionId, new ScreeningCall(date, checkedNotes));
        });
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * The coach's pending submissions, oldest first, each with the profile to review and its waiting time. One
     * statement.
     *
     * @throws ValidationException (field {@code coachId}) for a non-positive id
     */
    public List<CoachQueueItem> listCoachQueue(long coachId) {
        Check.id(coachId, "coachId");
        OffsetDateTime now = db.now();
        LocalDate today = db.today();
        return db.dsl()
                .select(PROFILE_SUBMISSION.ID, PROFILE_SUBMISSION.CREATED_AT, PROFILE_SUBMISSION.COACH_NOTES,
                        CRUSH_PROFILE.ID, CRUSH_PROFILE.USER_ID, USER.FIRST_NAME, USER.LAST_NAME,
                        CRUSH_PROFILE.DATE_OF_BIRTH, CRUSH_PROFILE.GENDER, CRUSH_PROFILE.LOCATION, CRUSH_PROFILE.BIO,
                        CRUSH_PROFILE.INTERESTS)
                .from(PROFILE_SUBMISSION)
                .join(CRUSH_PROFILE).on(CRUSH_PROFILE.ID.eq(PROFILE_SUBMISSION.PROFILE_ID))
                .join(USER).on(USER.ID.eq(CRUSH_PROFILE.USER_ID))
                .where(PROFILE_SUBMISSION.COACH_ID.eq(coachId))
                .and(PROFILE_SUBMISSION.STATUS.eq(SubmissionStatus.PENDING.dbValue()))
                .orderBy(PROFILE_SUBMISSION.CREATED_AT, PROFILE_SUBMISSION.ID)
                .fetch(r -> {
                    OffsetDateTime created = r.get(PROFILE_SUBMISSION.CREATED_AT);
                    Duration waiting = Duration.between(created, now);
                    ProfileJson.Decoded interests = ProfileDao.interests(r);
                    return new CoachQueueItem(r.get(PROFILE_SUBMISSION.ID), created,
                            waiting.isNegative() ? Duration.ZERO : waiting, r.get(PROFILE_SUBMISSION.COACH_NOTES),
                            r.get(CRUSH_PROFILE.ID), r.get(CRUSH_PROFILE.USER_ID),
                            ProfileDisplay.displayName(r.get(USER.FIRST_NAME), r.get(USER.LAST_NAME), true),
                            ProfileDisplay.age(r.get(CRUSH_PROFILE.DATE_OF_BIRTH), today),
                            r.get(CRUSH_PROFILE.GENDER), r.get(CRUSH_PROFILE.LOCATION), r.get(CRUSH_PROFILE.BIO),
                            interests.value(), interests.valid());
                });
    }

    /**
     * A submission with the coach's notes (coach-facing). One statement.
     *
     * @throws ValidationException (field {@code submissionId}) for a non-positive id
     * @throws NotFoundException if it does not exist
     */
    public SubmissionForCoach getSubmissionForCoach(long submissionId) {
        Check.id(submissionId, "submissionId");
        return db.dsl()
                .select(PROFILE_SUBMISSION.ID, PROFILE_SUBMISSION.PROFILE_ID, PROFILE_SUBMISSION.COACH_ID,
                        PROFILE_SUBMISSION.STATUS, PROFILE_SUBMISSION.CREATED_AT, PROFILE_SUBMISSION.REVIEWED_AT,
                        PROFILE_SUBMISSION.COACH_NOTES, PROFILE_SUBMISSION.FEEDBACK_TO_USER,
                        PROFILE_SUBMISSION.SCREENING_CALL_COMPLETED, PROFILE_SUBMISSION.SCREENING_CALL_DATE,
                        PROFILE_SUBMISSION.SCREENING_CALL_NOTES)
                .from(PROFILE_SUBMISSION)
                .where(PROFILE_SUBMISSION.ID.eq(submissionId))
                .fetchOptional(r -> new SubmissionForCoach(r.value1(), r.value2(),
                        r.value3() == null ? OptionalLong.empty() : OptionalLong.of(r.value3()),
                        SubmissionStatus.fromDb(r.value4()), r.value5(), Optional.ofNullable(r.value6()), r.value7(),
                        r.value8(), screeningCall(r)))
                .orElseThrow(() -> new NotFoundException("submission", submissionId));
    }

    /**
     * The submissions of a profile, newest first, as the owner sees them (feedback, no coach notes). One statement.
     *
     * @throws ValidationException (field {@code profileId}) for a non-positive id
     */
    public List<SubmissionForUser> listSubmissionsForProfile(long profileId) {
        Check.id(profileId, "profileId");
        return db.dsl()
                .select(PROFILE_SUBMISSION.ID, PROFILE_SUBMISSION.PROFILE_ID, PROFILE_SUBMISSION.STATUS,
                        PROFILE_SUBMISSION.CREATED_AT, PROFILE_SUBMISSION.REVIEWED_AT,
                        PROFILE_SUBMISSION.FEEDBACK_TO_USER)
                .from(PROFILE_SUBMISSION)
                .where(PROFILE_SUBMISSION.PROFILE_ID.eq(profileId))
                .orderBy(PROFILE_SUBMISSION.CREATED_AT.desc(), PROFILE_SUBMISSION.ID.desc())
                .fetch(r -> new SubmissionForUser(r.value1(), r.value2(), SubmissionStatus.fromDb(r.value3()),
                        r.value4(), Optional.ofNullable(r.value5()), r.value6()));
    }

    /**
     * Every coach with their pending count and capacity, by id. One statement.
     */
    public List<CoachWorkload> listCoachWorkloads() {
        Field<Integer> pending = selectCount().from(PROFILE_SUBMISSION)
                .where(PROFILE_SUBMISSION.COACH_ID.eq(CRUSH_COACH.ID))
                .and(PROFILE_SUBMISSION.STATUS.eq(SubmissionStatus.PENDING.dbValue()))
                .asField("pending");
        return db.dsl().select(CRUSH_COACH.ID, CRUSH_COACH.USER_ID, CRUSH_COACH.MAX_ACTIVE_REVIEWS, pending)
                .from(CRUSH_COACH).orderBy(CRUSH_COACH.ID)
                .fetch(r -> new CoachWorkload(r.value1(), r.value2(), r.value3(), r.value4()));
    }
}
