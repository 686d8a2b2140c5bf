package lu.entreprinder.persistence.entreprinder;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A user ({@code auth_user}) without its password hash: the hash is only ever returned by
 * {@link UserDao#findCredentials(String)}.
 *
 * @param lastLogin null until the first {@link UserDao#recordLogin(long)}
 */
public record UserAccount(long id, String username, String email, String firstName, String lastName,
                          boolean active, boolean staff, boolean superuser, OffsetDateTime lastLogin,
                          OffsetDateTime dateJoined) {

    /** The last login, empty if the user never logged in. */
    public Optional<OffsetDateTime> lastLoginTime() {
        return Optional.ofNullable(lastLogin);
    }
}
