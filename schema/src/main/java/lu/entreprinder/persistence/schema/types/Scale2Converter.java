package lu.entreprinder.persistence.schema.types;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jooq.impl.AbstractConverter;

/**
 * Restores the declared scale of {@code numeric(p,2)} columns (prices, fees, hectares). SQLite's NUMERIC affinity
 * stores {@code 12.50} as {@code 12.5}; every read gives the caller the scale the schema declares, on both databases.
 */
public final class Scale2Converter extends AbstractConverter<BigDecimal, BigDecimal> {

    private static final long serialVersionUID = 1L;

    public Scale2Converter() {
        super(BigDecimal.class, BigDecimal.class);
    }

    @Override
    public BigDecimal from(BigDecimal databaseObject) {
        return databaseObject == null ? null : databaseObject.setScale(2, RoundingMode.HALF_EVEN);
    }

    @Override
    public BigDecimal to(BigDecimal userObject) {
        return userObject;
    }
}
