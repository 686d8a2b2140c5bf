package lu.entreprinder.persistence.entreprinder;

/** The outcome of {@link UserDao#createUser(NewUser)}: created, or refused because a unique value is taken. */
public sealed interface UserCreationResult {

    /** The user was created. */
    record Created(long userId) implements UserCreationResult {
    }

    /** Another user has this username ({@code auth_user_username_key}); nothing was written. */
    record UsernameTaken(String username) implements UserCreationResult {
    }

    /**
     * Another user has this e-mail address, compared case-insensitively (checked under a lock in {@link UserDao#createUser}, not a constraint: V15);
     * nothing was written.
     */
    record EmailTaken(String email) implements UserCreationResult {
    }
}
