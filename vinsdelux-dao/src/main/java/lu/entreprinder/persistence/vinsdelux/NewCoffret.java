package lu.entreprinder.persistence.vinsdelux;

/**
 * A coffret to insert or the new values of one.
 *
 * @param name        required, at most 200 characters
 * @param bottles     0 to 1000
 * @param description required
 */
public record NewCoffret(String name, Integer bottles, String description) {
}
