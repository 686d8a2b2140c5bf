/**
 * Entreprinder/PowerUP persistence: users ({@link lu.entreprinder.persistence.entreprinder.UserDao}), entrepreneur
 * profiles with their industries and skills ({@link lu.entreprinder.persistence.entreprinder.EntrepreneurProfileDao},
 * {@link lu.entreprinder.persistence.entreprinder.TaxonomyDao}) and ranked full-text search over profiles and
 * Crush.lu meetup events ({@link lu.entreprinder.persistence.entreprinder.SearchDao}), on PostgreSQL and SQLite.
 *
 * <p>Decisions callers rely on:
 * <ul>
 *   <li>A duplicate username or e-mail (case-insensitive; the e-mail rule lives in {@code UserDao}, race-safe, not in a constraint) is an expected answer:
 *       {@link lu.entreprinder.persistence.entreprinder.UserCreationResult.UsernameTaken} /
 *       {@link lu.entreprinder.persistence.entreprinder.UserCreationResult.EmailTaken}, not an exception.</li>
 *   <li>A second profile for one user is a {@link lu.entreprinder.persistence.core.ConflictException}
 *       ({@code entreprinder_entrepreneurprofile_user_id_key}).</li>
 *   <li>Search input without any word (empty, blank, only punctuation or operators) returns an empty list without a
 *       statement; input over 200 characters is a {@link lu.entreprinder.persistence.core.ValidationException}
 *       naming {@code words}.</li>
 *   <li>Password hashes leave the library only through
 *       {@link lu.entreprinder.persistence.entreprinder.UserDao#findCredentials(String)}.</li>
 * </ul>
 */
package lu.entreprinder.persistence.entreprinder;
