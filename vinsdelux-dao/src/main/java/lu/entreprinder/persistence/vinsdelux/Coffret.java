package lu.entreprinder.persistence.vinsdelux;

/** A wine box (coffret) an adoption plan delivers. */
public record Coffret(long id, String name, int bottles, String description) {
}
