package lu.entreprinder.persistence.vinsdelux;

/** The producer of a plot, as listings show it. */
public record ProducerRef(long id, String name, String region) {
}
