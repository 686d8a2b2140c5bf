package lu.entreprinder.persistence.testing;

import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_COACH;
import static lu.entreprinder.persistence.schema.generated.Tables.CRUSH_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;

import java.time.LocalDate;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.internal.Json;

/**
 * Plain inserts of users and profiles for any module's tests, so no DAO module needs another to build its data.
 * Every method runs in the caller's transaction when there is one, and returns the new row's id.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** An active user named {@code username} with e-mail {@code username@example.com}. */
    public static long user(Database db, String username) {
        return user(db, username, username + "@example.com");
    }

    /** An active user with the given e-mail; first name = the username capitalised, last name "Tester". */
    public static long user(Database db, String username, String email) {
        String first = username.isEmpty() ? username : Character.toUpperCase(username.charAt(0)) + username.substring(1);
        return db.dsl().insertInto(USER)
                .set(USER.PASSWORD, "pbkdf2_sha256$fixture")
                .set(USER.IS_SUPERUSER, false)
                .set(USER.USERNAME, username)
                .set(USER.FIRST_NAME, first)
                .set(USER.LAST_NAME, "Tester")
                .set(USER.EMAIL, email)
                .set(USER.IS_STAFF, false)
                .set(USER.IS_ACTIVE, true)
                .set(USER.DATE_JOINED, db.now())
                .returning(USER.ID)
                .fetchOne(USER.ID);
    }

    /** Starts a Crush.lu profile for an existing user; defaults: approved, active, born 1995-05-05, Luxembourg. */
    public static CrushProfileBuilder crushProfile(Database db, long userId) {
        return new CrushProfileBuilder(db, userId);
    }

    /** A coach for an existing user with the given capacity. */
    public static long coach(Database db, long userId, int maxActiveReviews) {
        return db.dsl().insertInto(CRUSH_COACH)
                .set(CRUSH_COACH.USER_ID, userId)
                .set(CRUSH_COACH.SPECIALIZATION, "general")
                .set(CRUSH_COACH.BIO, "")
                .set(CRUSH_COACH.MAX_ACTIVE_REVIEWS, maxActiveReviews)
                .returning(CRUSH_COACH.ID)
                .fetchOne(CRUSH_COACH.ID);
    }

    /** An entrepreneur profile (no industries or skills) for an existing user. */
    public static long entrepreneurProfile(Database db, long userId, String headline, String bio) {
        return db.dsl().insertInto(ENTREPRENEUR_PROFILE)
                .set(ENTREPRENEUR_PROFILE.USER_ID, userId)
                .set(ENTREPRENEUR_PROFILE.HEADLINE, headline)
                .set(ENTREPRENEUR_PROFILE.BIO, bio)
                .set(ENTREPRENEUR_PROFILE.LINKEDIN_URL, "")
                .set(ENTREPRENEUR_PROFILE.PROFILE_PHOTO, "profiles/" + userId + ".jpg")
                .returning(ENTREPRENEUR_PROFILE.ID)
                .fetchOne(ENTREPRENEUR_PROFILE.ID);
    }

    /** Builder of a {@code crush_lu_crushprofile} row. */
    public static final class CrushProfileBuilder {
        private final Database db;
        private final long userId;
        private LocalDate dateOfBirth = LocalDate.of(1995, 5, 5);
        private String gender = "F";
        private String location = "Luxembourg";
        private String bio = "Loves hiking";
        private String phone = "+352 621 000 000";
        private boolean approved = true;
        private boolean active = true;
        private boolean showFullName = true;
        private boolean showExactAge = true;
        private List<String> interests = List.of();

        private CrushProfileBuilder(Database db, long userId) {
            this.db = db;
            this.userId = userId;
        }

        public CrushProfileBuilder dateOfBirth(LocalDate value) { this.dateOfBirth = value; return this; }
        public CrushProfileBuilder gender(String value) { this.gender = value; return this; }
        public CrushProfileBuilder location(String value) { this.location = value; return this; }
        public CrushProfileBuilder bio(String value) { this.bio = value; return this; }
        public CrushProfileBuilder phone(String value) { this.phone = value; return this; }
        public CrushProfileBuilder approved(boolean value) { this.approved = value; return this; }
        public CrushProfileBuilder active(boolean value) { this.active = value; return this; }
        public CrushProfileBuilder showFullName(boolean value) { this.showFullName = value; return this; }
        public CrushProfileBuilder showExactAge(boolean value) { this.showExactAge = value; return this; }
        public CrushProfileBuilder interests(List<String> value) { this.interests = value; return this; }

        /** Inserts the profile and returns its id. */
        public long insert() {
            return db.dsl().insertInto(CRUSH_PROFILE)
                    .set(CRUSH_PROFILE.USER_ID, userId)
                    .set(CRUSH_PROFILE.DATE_OF_BIRTH, dateOfBirth)
                    .set(CRUSH_PROFILE.GENDER, gender)
                    .set(CRUSH_PROFILE.LOCATION, location)
                    .set(CRUSH_PROFILE.BIO, bio)
                    .set(CRUSH_PROFILE.PHONE, phone)
                    .set(CRUSH_PROFILE.PHOTO_1, "crush_profiles/" + userId + "_1.jpg")
                    .set(CRUSH_PROFILE.PHOTO_2, "")
                    .set(CRUSH_PROFILE.PHOTO_3, "")
                    .set(CRUSH_PROFILE.SHOW_FULL_NAME, showFullName)
                    .set(CRUSH_PROFILE.SHOW_EXACT_AGE, showExactAge)
                    .set(CRUSH_PROFILE.BLUR_PHOTOS, false)
                    .set(CRUSH_PROFILE.IS_APPROVED, approved)
                    .set(CRUSH_PROFILE.IS_ACTIVE, active)
                    .set(CRUSH_PROFILE.APPROVED_AT, approved ? db.now() : null)
                    .set(CRUSH_PROFILE.INTERESTS, Json.toJsonb(interests))
                    .returning(CRUSH_PROFILE.ID)
                    .fetchOne(CRUSH_PROFILE.ID);
        }
    }
}
