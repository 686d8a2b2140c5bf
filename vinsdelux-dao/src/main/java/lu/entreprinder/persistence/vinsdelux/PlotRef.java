package lu.entreprinder.persistence.vinsdelux;

/** A plot as other listings show it: name, status and producer. */
public record PlotRef(long id, String name, PlotStatus status, ProducerRef producer) {
}
