package lu.entreprinder.persistence.vinsdelux;

import java.math.BigDecimal;

/**
 * An adoption plan to insert or the new values of one.
 *
 * @param name           required, at most 200 characters
 * @param price          not negative, numeric(8,2)
 * @param durationMonths 1 to 600
 * @param coffretId      an existing coffret
 * @param available      required
 */
public record NewAdoptionPlan(String name, BigDecimal price, Integer durationMonths, Long coffretId,
                              Boolean available) {
}
