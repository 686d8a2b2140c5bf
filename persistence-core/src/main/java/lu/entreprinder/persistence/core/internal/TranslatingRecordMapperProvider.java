package lu.entreprinder.persistence.core.internal;

import org.jooq.Configuration;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.RecordMapperProvider;
import org.jooq.RecordType;
import org.jooq.exception.MappingException;
import org.jooq.impl.DefaultRecordMapperProvider;

/**
 * jOOQ's own record mapping ({@code into(Class)}, {@code fetchInto(Class)}), with its {@link MappingException}
 * translated into the library's hierarchy. jOOQ raises that exception while mapping, outside any statement, so the
 * {@link LibraryExecuteListener} never sees it; this is the one place it passes through.
 */
public final class TranslatingRecordMapperProvider implements RecordMapperProvider {

    private final RecordMapperProvider delegate;
    private final ErrorTranslator translator;

    /** @param configuration the configuration this provider is set on (jOOQ caches its mappers there) */
    public TranslatingRecordMapperProvider(Configuration configuration, ErrorTranslator translator) {
        this.delegate = new DefaultRecordMapperProvider(configuration) { };
        this.translator = translator;
    }

    @Override
    public <R extends Record, E> RecordMapper<R, E> provide(RecordType<R> recordType, Class<? extends E> type) {
        RecordMapper<R, E> mapper;
        try {
            mapper = delegate.provide(recordType, type);
        } catch (MappingException e) {
            throw translator.translate(e);
        }
        return record -> {
            try {
                return mapper.map(record);
            } catch (MappingException e) {
                throw translator.translate(e);
            }
        };
    }
}
