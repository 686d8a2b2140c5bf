package lu.entreprinder.persistence.vinsdelux;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An adoption plan with its coffret. {@code price} has scale 2 (restored here too, because values nested in a
 * SQLite multiset arrive as JSON numbers without the column's converter).
 */
public record AdoptionPlan(long id, String name, BigDecimal price, int durationMonths, boolean available,
                           Coffret coffret) {
    public AdoptionPlan {
        price = price == null ? null : price.setScale(2, RoundingMode.HALF_EVEN);
    }
}
