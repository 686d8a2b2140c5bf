package lu.entreprinder.persistence.crushlu;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_COACH;
import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.PROFILE_SUBMISSION;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ForeignKeyViolationException;
import lu.entreprinder.persistence.core.internal.Json;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.Page;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.crushlu.internal.ProfileDisplay;
import lu.entreprinder.persistence.crushlu.internal.ProfileJson;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectField;

/**
 * Crush.lu profiles: creating and updating them with validation, the owner's and the public projections, and the
 * filtered public listing (interests, age, location; keyset pages by id).
 *
 * <p>Interest filters: PostgreSQL uses jsonb containment, which the GIN {@code jsonb_path_ops} index on
 * {@code interests} serves: "all of" is one {@code interests @> '["a","b"]'}, "any of" an OR of
 * {@code interests @> '["a"]'} (the {@code ?|} operator would not use a {@code jsonb_path_ops} index). SQLite uses
 * {@code EXISTS} over {@code json_each(interests)}. Interests match exactly (case-sensitive) on both.
 */
public final class ProfileDao {

    /** Minimum age of a member, from {@code date_of_birth} and {@code Database.today()}. */
    public static final int MINIMUM_AGE = 18;
    /** Maximum age of a member (profiles are for adults 18–99), from {@code date_of_birth} and {@code today()}. */
    public static final int MAXIMUM_AGE = 99;
    public static final int MAX_PHOTOS = 3;
    public static final int MAX_INTERESTS = 20;
    public static final int MAX_INTEREST_LENGTH = 50;

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]*");

    private final Database db;

    /** Test hook: runs between checking that the user is no coach and inserting the profile. */

    public ProfileDao(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    // ------------------------------------------------------------------------------------------------ writes

    /**
     * Creates the user's profile, unapproved and active. A coach cannot have a dating profile: the user's row is
     * locked and a coach is refused (the same lock {@link CoachReviewService#insertCoach} takes, so the two cannot
     * both succeed for one user at the same time).
     *
     * @throws ValidationException (fields {@code userId} (also when the user is a coach), {@code profile},
     *         {@code dateOfBirth} (required, not in the future, {@value #MINIMUM_AGE} to {@value #MAXIMUM_AGE} years
     *         old on {@code Database.today()}), {@code gender} (1-20), {@code location} (1-100),
     *         {@code bio} (required), {@code phone} (1-20, digits with + ( ) . / - and spaces), {@code photos} (1-3
     *         paths of at most 100), {@code interests} (at most 20 distinct, each 1-50)); nothing is written
     * @throws ConflictException ({@code crush_lu_crushprofile_user_id_key}) if the user already has a profile
     * @throws ForeignKeyViolationException if the user does not exist
     */
    public long insertProfile(long userId, NewCrushProfile profile) {
        Check.userId(userId, "userId");
        Valid v = validate(profile);
        return db.inTransaction(tx -> {
            // the lock first, the check in a statement of its own: on PostgreSQL a statement that waited for the
            // lock still reads other tables as of its start, and would miss a coach row committed meanwhile
            tx.forUpdate(tx.dsl().select(USER.ID).from(USER).where(USER.ID.eq(userId))).fetch();
            if (tx.dsl().fetchExists(CRUSH_COACH, CRUSH_COACH.USER_ID.eq(userId))) {
                throw new ValidationException("userId", "is a coach; a coach cannot have a dating profile");
            }
            RaceSeam.of(db).pause("profile.before-insert");
            return tx.dsl().insertInto(CRUSH_PROFILE)
                    .set(editableFields(v))
                    .set(CRUSH_PROFILE.USER_ID, userId)
                    .set(CRUSH_PROFILE.IS_APPROVED, false)
                    .set(CRUSH_PROFILE.IS_ACTIVE, true)
                    .set(CRUSH_PROFILE.APPROVED_AT, (java.time.OffsetDateTime) null)
                    .returning(CRUSH_PROFILE.ID)
                    .fetchOne(CRUSH_PROFILE.ID);
        });
    }

    /**
     * Replaces the profile's fields (not its approval: a coach review decides that).
     *
     * @return false if the profile does not exist
     * @throws ValidationException as {@link #insertProfile}, plus {@code profileId}; nothing is written
     */
    public boolean updateProfile(long profileId, NewCrushProfile profile) {
        Check.id(profileId, "profileId");
        Valid v = validate(profile);
        return db.dsl().update(CRUSH_PROFILE)
                .set(editableFields(v))
                .where(CRUSH_PROFILE.ID.eq(profileId))
                .execute() == 1;
    }

    /**
     * Activates or deactivates a profile (inactive profiles are not listed publicly).
     *
     * @return false if the profile does not exist
     * @throws ValidationException (field {@code profileId})
     */
    public boolean updateActive(long profileId, boolean active) {
        Check.id(profileId, "profileId");
        return db.dsl().update(CRUSH_PROFILE).set(CRUSH_PROFILE.IS_ACTIVE, active)
                .where(CRUSH_PROFILE.ID.eq(profileId)).execute() == 1;
    }

    private record Valid(NewCrushProfile input, String gender, String location, String bio, String phone,
                         List<String> photos, List<String> interests) {
    }

    private Valid validate(NewCrushProfile p) {
        Check.required(p, "profile");
        LocalDate dob = Check.date(p.dateOfBirth(), "dateOfBirth");
        LocalDate today = db.today();
        if (dob.isAfter(today)) {
            throw new ValidationException("dateOfBirth", "must not be in the future");
        }
        int age = ProfileDisplay.age(dob, today);
        if (age < MINIMUM_AGE) {
            throw new ValidationException("dateOfBirth", "must be at least " + MINIMUM_AGE + " years ago");
        }
        if (age > MAXIMUM_AGE) {
            throw new ValidationException("dateOfBirth", "must give an age of at most " + MAXIMUM_AGE);
        }
        String gender = Check.text(p.gender(), 20, "gender");
        String location = Check.text(p.location(), 100, "location");
        String bio = Check.text(p.bio(), 0, "bio");
        String phone = Check.text(p.phone(), 20, "phone");
        if (!PHONE.matcher(phone).matches()) {
            throw new ValidationException("phone", "must be digits, optionally with + ( ) . / - and spaces");
        }
        List<String> photos = new ArrayList<>(Check.size(Check.required(p.photos(), "photos"), MAX_PHOTOS, "photos"));
        if (photos.isEmpty()) {
            throw new ValidationException("photos", "must hold at least one photo");
        }
        Check.text(photos.get(0), 100, "photos");
        for (String photo : photos) {
            Check.optionalText(photo, 100, "photos");
        }
        while (photos.size() < MAX_PHOTOS) {
            photos.add("");
        }
        List<String> interests = Check.size(Check.required(p.interests(), "interests"), MAX_INTERESTS, "interests");
        for (String interest : interests) {
            Check.text(interest, MAX_INTEREST_LENGTH, "interests");
        }
        if (new LinkedHashSet<>(interests).size() != interests.size()) {
            throw new ValidationException("interests", "must not repeat an interest");
        }
        return new Valid(p, gender, location, bio, phone, List.copyOf(photos), List.copyOf(interests));
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * The owner's view of a profile with its review history. One statement.
     *
     * @throws ValidationException (field {@code profileId})
     * @throws NotFoundException if the profile does not exist
     */
    public ProfileOwnerView getOwnerView(long profileId) {
        Check.id(profileId, "profileId");
        LocalDate today = db.today();
        Field<List<SubmissionForUser>> submissions = multiset(
                select(PROFILE_SUBMISSION.ID, PROFILE_SUBMISSION.PROFILE_ID, PROFILE_SUBMISSION.STATUS,
                        PROFILE_SUBMISSION.CREATED_AT, PROFILE_SUBMISSION.REVIEWED_AT,
                        PROFILE_SUBMISSION.FEEDBACK_TO_USER)
                        .from(PROFILE_SUBMISSION)
                        .where(PROFILE_SUBMISSION.PROFILE_ID.eq(CRUSH_PROFILE.ID))
                        .orderBy(PROFILE_SUBMISSION.CREATED_AT.desc(), PROFILE_SUBMISSION.ID.desc()))
                .convertFrom(r -> r.map(s -> new SubmissionForUser(s.value1(), s.value2(),
                        SubmissionStatus.fromDb(s.value3()), s.value4(), Optional.ofNullable(s.value5()),
                        s.value6())));
        List<SelectField<?>> fields = new ArrayList<>(profileFields());
        fields.add(CRUSH_PROFILE.PHONE);
        fields.add(CRUSH_PROFILE.IS_APPROVED);
        fields.add(CRUSH_PROFILE.IS_ACTIVE);
        fields.add(CRUSH_PROFILE.APPROVED_AT);
        fields.add(submissions);
        return db.dsl().select(fields)
                .from(CRUSH_PROFILE)
                .join(USER).on(USER.ID.eq(CRUSH_PROFILE.USER_ID))
                .where(CRUSH_PROFILE.ID.eq(profileId))
                .fetchOptional(r -> {
                    LocalDate dob = r.get(CRUSH_PROFILE.DATE_OF_BIRTH);
                    int age = ProfileDisplay.age(dob, today);
                    boolean full = r.get(CRUSH_PROFILE.SHOW_FULL_NAME);
                    ProfileJson.Decoded interests = interests(r);
                    return new ProfileOwnerView(r.get(CRUSH_PROFILE.ID), r.get(CRUSH_PROFILE.USER_ID),
                            r.get(USER.FIRST_NAME), r.get(USER.LAST_NAME),
                            ProfileDisplay.displayName(r.get(USER.FIRST_NAME), r.get(USER.LAST_NAME), full),
                            dob, age, ProfileDisplay.ageRange(age), r.get(CRUSH_PROFILE.GENDER),
                            r.get(CRUSH_PROFILE.LOCATION), r.get(CRUSH_PROFILE.BIO), r.get(CRUSH_PROFILE.PHONE),
                            photos(r), full, r.get(CRUSH_PROFILE.SHOW_EXACT_AGE), r.get(CRUSH_PROFILE.BLUR_PHOTOS),
                            r.get(CRUSH_PROFILE.IS_APPROVED), r.get(CRUSH_PROFILE.IS_ACTIVE),
                            Optional.ofNullable(r.get(CRUSH_PROFILE.APPROVED_AT)), interests.value(), r.get(submissions),
                            interests.valid());
                })
                .orElseThrow(() -> new NotFoundException("profile", profileId));
    }

    /**
     * The public view of an approved, active profile; empty for any other. One statement.
     *
     * @throws ValidationException (field {@code profileId})
     */
    public Optional<ProfilePublicView> findPublicView(long profileId) {
        Check.id(profileId, "profileId");
        LocalDate today = db.today();
        return db.dsl().select(profileFields())
                .from(CRUSH_PROFILE)
                .join(USER).on(USER.ID.eq(CRUSH_PROFILE.USER_ID))
                .where(CRUSH_PROFILE.ID.eq(profileId))
                .and(CRUSH_PROFILE.IS_APPROVED.isTrue())
                .and(CRUSH_PROFILE.IS_ACTIVE.isTrue())
                .fetchOptional(r -> publicView(r, today));
    }

    /**
     * One page of approved, active profiles matching the filter, by id. One statement.
     *
     * @throws ValidationException (fields {@code filter}, {@code page}, {@code minAge}, {@code maxAge},
     *         {@code allInterests}, {@code anyInterests}, {@code location}, {@code cursor})
     */
    public Page<ProfilePublicView> listPublicProfiles(ProfileFilter filter, PageRequest page) {
        LocalDate today = db.today();
        List<ProfilePublicView> rows = publicProfilesQuery(filter, page, today).fetch(r -> publicView(r, today));
        return page.toPage(rows, v -> PageRequest.encode(v.profileId()));
    }

    /** The query of {@link #listPublicProfiles} (package-private for the plan test). */
    ResultQuery<Record> publicProfilesQuery(ProfileFilter filter, PageRequest page, LocalDate today) {
        Check.required(filter, "filter");
        Check.required(page, "page");
        Condition where = CRUSH_PROFILE.IS_APPROVED.isTrue().and(CRUSH_PROFILE.IS_ACTIVE.isTrue());
        if (filter.minAge() != null) {
            int min = Check.range(filter.minAge(), MINIMUM_AGE, 150, "minAge");
            where = where.and(CRUSH_PROFILE.DATE_OF_BIRTH.le(today.minusYears(min)));
        }
        if (filter.maxAge() != null) {
            int max = Check.range(filter.maxAge(), filter.minAge() == null ? MINIMUM_AGE : filter.minAge(), 150,
                    "maxAge");
            where = where.and(CRUSH_PROFILE.DATE_OF_BIRTH.gt(today.minusYears(max + 1L)));
        }
        if (filter.location() != null) {
            String location = Check.text(filter.location(), 100, "location");
            where = where.and(lower(CRUSH_PROFILE.LOCATION).eq(location.toLowerCase(Locale.ROOT)));
        }
        where = where.and(containsAll(interests(filter.allInterests(), "allInterests")));
        where = where.and(containsAny(interests(filter.anyInterests(), "anyInterests")));
        if (page.after() != null) {
            long after = page.key(0, 1, Long::parseLong);
            where = where.and(CRUSH_PROFILE.ID.gt(after));
        }
        return db.dsl().select(profileFields())
                .from(CRUSH_PROFILE)
                .join(USER).on(USER.ID.eq(CRUSH_PROFILE.USER_ID))
                .where(where)
                .orderBy(CRUSH_PROFILE.ID)
                .limit(inline(page.size() + 1));
    }

    private static Set<String> interests(Set<String> values, String field) {
        Check.size(values, MAX_INTERESTS, field);
        for (String v : values) {
            Check.text(v, MAX_INTEREST_LENGTH, field);
        }
        return new TreeSet<>(values);
    }

    private Condition containsAll(Set<String> values) {
        if (values.isEmpty()) {
            return noCondition();
        }
        if (db.isPostgres()) {
            return condition("{0} @> {1}", CRUSH_PROFILE.INTERESTS, val(Json.toJsonb(List.copyOf(values))));
        }
        Condition all = noCondition();
        for (String v : values) {
            all = all.and(condition("exists (select 1 from json_each({0}) where json_each.value = {1})",
                    CRUSH_PROFILE.INTERESTS, val(v)));
        }
        return all;
    }

    private Condition containsAny(Set<String> values) {
        if (values.isEmpty()) {
            return noCondition();
        }
        if (db.isPostgres()) {
            Condition any = falseCondition();
            for (String v : values) {
                any = any.or(condition("{0} @> {1}", CRUSH_PROFILE.INTERESTS, val(Json.toJsonb(List.of(v)))));
            }
            return any;
        }
        return condition("exists (select 1 from json_each({0}) where json_each.value in ({1}))",
                CRUSH_PROFILE.INTERESTS, org.jooq.impl.DSL.list(values.stream().map(org.jooq.impl.DSL::val)
                        .toArray(Field[]::new)));
    }

    private static List<SelectField<?>> profileFields() {
        return List.of(CRUSH_PROFILE.ID, CRUSH_PROFILE.USER_ID, USER.FIRST_NAME, USER.LAST_NAME,
                CRUSH_PROFILE.DATE_OF_BIRTH, CRUSH_PROFILE.GENDER, CRUSH_PROFILE.LOCATION, CRUSH_PROFILE.BIO,
                CRUSH_PROFILE.PHOTO_1, CRUSH_PROFILE.PHOTO_2, CRUSH_PROFILE.PHOTO_3, CRUSH_PROFILE.SHOW_FULL_NAME,
                CRUSH_PROFILE.SHOW_EXACT_AGE, CRUSH_PROFILE.BLUR_PHOTOS, CRUSH_PROFILE.INTERESTS);
    }

    private static List<String> photos(Record r) {
        List<String> photos = new ArrayList<>(MAX_PHOTOS);
        for (String p : List.of(r.get(CRUSH_PROFILE.PHOTO_1), r.get(CRUSH_PROFILE.PHOTO_2),
                r.get(CRUSH_PROFILE.PHOTO_3))) {
            if (!p.isEmpty()) {
                photos.add(p);
            }
        }
        return photos;
    }

    private static ProfilePublicView publicView(Record r, LocalDate today) {
        int age = ProfileDisplay.age(r.get(CRUSH_PROFILE.DATE_OF_BIRTH), today);
        boolean exact = r.get(CRUSH_PROFILE.SHOW_EXACT_AGE);
        ProfileJson.Decoded interests = interests(r);
        return new ProfilePublicView(r.get(CRUSH_PROFILE.ID), r.get(CRUSH_PROFILE.USER_ID),
                ProfileDisplay.displayName(r.get(USER.FIRST_NAME), r.get(USER.LAST_NAME),
                        r.get(CRUSH_PROFILE.SHOW_FULL_NAME)),
                exact ? OptionalInt.of(age) : OptionalInt.empty(), ProfileDisplay.ageRange(age),
                r.get(CRUSH_PROFILE.GENDER), r.get(CRUSH_PROFILE.LOCATION), r.get(CRUSH_PROFILE.BIO), photos(r),
                r.get(CRUSH_PROFILE.BLUR_PHOTOS), interests.value(), interests.valid());
    }

    /** The profile's interests, tolerating a value another writer stored (see {@link ProfilePublicView}). */
    static ProfileJson.Decoded interests(Record r) {
        return ProfileJson.strings(r.get(CRUSH_PROFILE.INTERESTS), "crush_lu_crushprofile", r.get(CRUSH_PROFILE.ID),
                "interests");
    }

    /** The columns the owner edits: written by both insert and update, so the two cannot drift apart. */
    private static java.util.Map<org.jooq.Field<?>, Object> editableFields(Valid v) {
        java.util.Map<org.jooq.Field<?>, Object> fields = new java.util.LinkedHashMap<>();
        fields.put(CRUSH_PROFILE.DATE_OF_BIRTH, v.input.dateOfBirth());
        fields.put(CRUSH_PROFILE.GENDER, v.gender);
        fields.put(CRUSH_PROFILE.LOCATION, v.location);
        fields.put(CRUSH_PROFILE.BIO, v.bio);
        fields.put(CRUSH_PROFILE.PHONE, v.phone);
        fields.put(CRUSH_PROFILE.PHOTO_1, v.photos.get(0));
        fields.put(CRUSH_PROFILE.PHOTO_2, v.photos.get(1));
        fields.put(CRUSH_PROFILE.PHOTO_3, v.photos.get(2));
        fields.put(CRUSH_PROFILE.SHOW_FULL_NAME, v.input.showFullName());
        fields.put(CRUSH_PROFILE.SHOW_EXACT_AGE, v.input.showExactAge());
        fields.put(CRUSH_PROFILE.BLUR_PHOTOS, v.input.blurPhotos());
        fields.put(CRUSH_PROFILE.INTERESTS, Json.toJsonb(v.interests));
        return fields;
    }
}
