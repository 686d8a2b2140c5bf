package lu.entreprinder.persistence.entreprinder;

/**
 * The one record that carries a password hash, for the caller's login check. {@link #toString()} masks the hash.
 */
public record UserCredentials(long userId, String username, String passwordHash, boolean active) {

    @Override
    public String toString() {
        return "UserCredentials[userId=" + userId + ", username=" + username + ", passwordHash=***, active=" + active
                + "]";
    }
}
