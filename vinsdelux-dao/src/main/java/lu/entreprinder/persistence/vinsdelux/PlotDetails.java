package lu.entreprinder.persistence.vinsdelux;

import java.math.BigDecimal;

/**
 * The descriptive values of a plot (its status belongs to {@link PlotReservationService}).
 *
 * @param producerId     an existing producer
 * @param name           required, at most 200 characters
 * @param sizeHectares   not negative, numeric(5,2)
 * @param grapeVarieties required, at most 200 characters
 * @param soilType       required, at most 100 characters
 * @param elevation      metres, -500 to 9000
 * @param coordinates    GeoJSON text, or null
 */
public record PlotDetails(Long producerId, String name, BigDecimal sizeHectares, String grapeVarieties,
                          String soilType, Integer elevation, String coordinates) {
}
