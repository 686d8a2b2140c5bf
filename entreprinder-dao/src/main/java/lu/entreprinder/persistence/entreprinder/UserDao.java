package lu.entreprinder.persistence.entreprinder;

import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.jooq.impl.DSL.lower;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.core.internal.RaceSeam;
import lu.entreprinder.persistence.schema.AccountEmail;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.SelectField;

/**
 * Users ({@code auth_user}): creation with a caller-computed password hash, look-ups by id, username and e-mail,
 * activation and last login.
 *
 * <p>E-mail addresses are stored lower-cased ({@link AccountEmail#normalize}) and compared on {@code lower(email)}, the
 * expression of the index {@code auth_user_email_ci_idx}. Lower-casing in Java keeps both databases identical
 * (SQLite's {@code lower()} folds ASCII only). A duplicate is an expected answer, not an exception:
 * {@link #createUser} returns {@link UserCreationResult.EmailTaken} / {@link UserCreationResult.UsernameTaken}.
 *
 * <p>"One account per e-mail, case-insensitive" is stricter than Django ({@code User.email} is not unique, and the
 * Django app shares this table), so it is not a constraint (V15) but this class's write path: the check and the
 * insert run in one transaction under a lock on the normalized address (PostgreSQL: a transaction-scoped advisory
 * lock; SQLite: the write lock every library transaction holds). Rows that Django wrote may still share an
 * address; {@link #findUserByEmail} then answers the oldest.
 */
public final class UserDao {

    /** Django's {@code UnicodeUsernameValidator}: word characters and {@code . @ + -}. */
    private static final Pattern USERNAME = Pattern.compile("[\\w.@+-]+", Pattern.UNICODE_CHARACTER_CLASS);

    /** Namespace of the advisory lock taken on a normalized e-mail address (PostgreSQL). */
    private static final String USERNAME_UNIQUE = "auth_user_username_key";

    private final Database db;

    public UserDao(Database db) {
        this.db = db;
    }

    /**
     * Creates an active, non-staff user, in its own transaction (a savepoint inside the caller's), so a refused
     * duplicate leaves the caller's transaction usable. Three statements on PostgreSQL (advisory lock on the
     * address, the e-mail check, the insert), two on SQLite.
     *
     * @return {@link UserCreationResult.Created} with the new id, or {@link UserCreationResult.UsernameTaken} /
     *         {@link UserCreationResult.EmailTaken} when another user holds the username / the e-mail (case-insensitive)
     * @throws ValidationException naming {@code user}, {@code username}, {@code email}, {@code passwordHash},
     *         {@code firstName} or {@code lastName}; nothing is written
     */
    public UserCreationResult createUser(NewUser user) {
        Check.required(user, "user");
        String username = username(user.username());
        String email = email(user.email());
        String hash = Check.text(user.passwordHash(), 128, "passwordHash");
        String first = Check.optionalText(user.firstName(), 150, "firstName");
        String last = Check.optionalText(user.lastName(), 150, "lastName");
        try {
            return db.inTransaction(tx -> {
                // Serializes creators of the same address until commit; unrelated addresses do not wait.
                tx.lockKeys(AccountEmail.LOCK_NAMESPACE, List.of(email));
                if (tx.dsl().fetchExists(USER, emailIs(email))) {
                    return new UserCreationResult.EmailTaken(email);
                }
                RaceSeam.of(db).pause("user.before-insert");
                long id = tx.dsl().insertInto(USER)
                    .set(USER.PASSWORD, hash)
                    .set(USER.IS_SUPERUSER, false)
                    .set(USER.USERNAME, username)
                    .set(USER.FIRST_NAME, first)
                    .set(USER.LAST_NAME, last)
                    .set(USER.EMAIL, email)
                    .set(USER.IS_STAFF, false)
                    .set(USER.IS_ACTIVE, true)
                    .set(USER.DATE_JOINED, db.now())
                    .returning(USER.ID)
                    .fetchOne(USER.ID);
                return new UserCreationResult.Created(id);
            });
        } catch (ConflictException e) {
            if (USERNAME_UNIQUE.equals(e.constraint())) {
                return new UserCreationResult.UsernameTaken(username);
            }
            throw e;
        }
    }

    /**
     * The user with this id. One statement.
     *
     * @throws ValidationException ({@code userId}) if not positive
     */
    public Optional<UserAccount> findUser(long userId) {
        return findWhere(USER.ID.eq(Check.userId(userId, "userId")));
    }

    /**
     * The user with exactly this username (Django usernames are case-sensitive). One statement.
     *
     * @throws ValidationException ({@code username}) if null or blank
     */
    public Optional<UserAccount> findUserByUsername(String username) {
        Check.text(username, 150, "username");
        return findWhere(USER.USERNAME.eq(username));
    }

    /**
     * The user with this e-mail address, compared case-insensitively (uses {@code auth_user_email_ci_idx}); the
     * oldest one when rows written by another application share the address. One statement.
     *
     * @throws ValidationException ({@code email}) if null, blank or longer than 254 characters
     */
    public Optional<UserAccount> findUserByEmail(String email) {
        String key = AccountEmail.normalize(Check.text(email, 254, "email"));
        return db.dsl().select(ACCOUNT_FIELDS).from(USER).where(emailIs(key)).orderBy(USER.ID).limit(1)
                .fetchOptional(UserDao::account);
    }

    /**
     * The password hash and active flag of the user with this username, for the caller's login check. The only
     * method that returns a hash. One statement.
     *
     * @throws ValidationException ({@code username}) if null or blank
     */
    public Optional<UserCredentials> findCredentials(String username) {
        Check.text(username, 150, "username");
        return db.dsl().select(USER.ID, USER.USERNAME, USER.PASSWORD, USER.IS_ACTIVE)
                .from(USER)
                .where(USER.USERNAME.eq(username))
                .fetchOptional(r -> new UserCredentials(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Marks the user inactive (Django's {@code is_active = False}); idempotent.
     *
     * @return true if the user exists
     * @throws ValidationException ({@code userId}) if not positive
     */
    public boolean deactivateUser(long userId) {
        return setActive(userId, false);
    }

    /**
     * Marks the user active again; idempotent.
     *
     * @return true if the user exists
     * @throws ValidationException ({@code userId}) if not positive
     */
    public boolean reactivateUser(long userId) {
        return setActive(userId, true);
    }

    /**
     * Sets {@code last_login} to {@link Database#now()}.
     *
     * @return true if the user exists
     * @throws ValidationException ({@code userId}) if not positive
     */
    public boolean recordLogin(long userId) {
        return db.dsl().update(USER).set(USER.LAST_LOGIN, db.now()).where(USER.ID.eq(Check.userId(userId, "userId"))).execute() > 0;
    }

    private boolean setActive(long userId, boolean active) {
        return db.dsl().update(USER).set(USER.IS_ACTIVE, active).where(USER.ID.eq(Check.userId(userId, "userId"))).execute() > 0;
    }

    private Optional<UserAccount> findWhere(Condition condition) {
        return db.dsl().select(ACCOUNT_FIELDS).from(USER).where(condition).fetchOptional(UserDao::account);
    }

    /** {@code lower(email) = :key AND email <> ''}: exactly the predicate of the partial index. */
    static Condition emailIs(String lowerCasedEmail) {
        return lower(USER.EMAIL).eq(lowerCasedEmail).and(USER.EMAIL.ne(""));
    }

    static final SelectField<?>[] ACCOUNT_FIELDS = {USER.ID, USER.USERNAME, USER.EMAIL, USER.FIRST_NAME,
            USER.LAST_NAME, USER.IS_ACTIVE, USER.IS_STAFF, USER.IS_SUPERUSER, USER.LAST_LOGIN, USER.DATE_JOINED};

    static UserAccount account(Record r) {
        return new UserAccount(r.get(USER.ID), r.get(USER.USERNAME), r.get(USER.EMAIL), r.get(USER.FIRST_NAME),
                r.get(USER.LAST_NAME), r.get(USER.IS_ACTIVE), r.get(USER.IS_STAFF), r.get(USER.IS_SUPERUSER),
                r.get(USER.LAST_LOGIN), r.get(USER.DATE_JOINED));
    }

    private static String username(String value) {
        String username = Check.text(value, 150, "username");
        if (!USERNAME.matcher(username).matches()) {
            throw new ValidationException("username", "may contain only letters, digits and @ . + - _");
        }
        return username;
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
}
