package lu.entreprinder.persistence.testing;

/** The two databases every DAO test runs on. */
public enum Backend {
    POSTGRESQL,
    SQLITE
}
