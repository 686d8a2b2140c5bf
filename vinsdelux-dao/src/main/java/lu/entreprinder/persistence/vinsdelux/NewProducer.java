package lu.entreprinder.persistence.vinsdelux;

/**
 * A producer to insert or the new values of one.
 *
 * @param name        required, at most 200 characters
 * @param region      required, at most 100 characters
 * @param description required
 * @param logo        required image path, at most 100 characters
 * @param coordinates GeoJSON text, or null
 */
public record NewProducer(String name, String region, String description, String logo, String coordinates) {
}
