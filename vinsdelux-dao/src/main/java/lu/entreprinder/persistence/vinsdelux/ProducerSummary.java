package lu.entreprinder.persistence.vinsdelux;

/**
 * A producer with its plot counts.
 *
 * @param coordinates GeoJSON location, or null (the column is nullable)
 */
public record ProducerSummary(long id, String name, String region, String description, String logo,
                              GeoJson coordinates, PlotCounts plots) {
}
