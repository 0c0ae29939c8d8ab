package com.govfeedback.triage.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks the free text of every request a caller sends before anything reads it: one rule per request type rebuilds the
 * request with each free-text field through {@link PersonalDataMasker} and every code (ids, enumerations, dates,
 * versions, which their validation keeps to a strict form) as it came. A request type without a rule is refused, so an
 * operation added later cannot carry text past the masker unnoticed. Rules are plain code, registered by class: no
 * reflection.
 */
public final class RequestMasker {
    /** Rebuilds one request type with its free-text fields masked through {@code masking}. */
    @FunctionalInterface
    public interface Rule<T> {
        T masked(T request, RequestMasker masking);
    }

    private final PersonalDataMasker masker;
    private final Map<Class<?>, Rule<?>> rules;

    private RequestMasker(PersonalDataMasker masker, Map<Class<?>, Rule<?>> rules) {
        this.masker = masker;
        this.rules = Map.copyOf(rules);
    }

    public static Builder with(PersonalDataMasker masker) {
        return new Builder(masker);
    }

    /** The request with its free text masked; {@code null} stays {@code null}. */
    @SuppressWarnings("unchecked")
    public <T> T mask(T request) {
        if (request == null) {
            return null;
        }
        Rule<T> rule = (Rule<T>) rules.get(request.getClass());
        if (rule == null) {
            throw new IllegalStateException("no masking rule for " + request.getClass().getName()
                    + ": register one naming its free-text fields");
        }
        return rule.masked(request, this);
    }

    /** One free-text field. */
    public String text(String value) {
        return masker.mask(value);
    }

    /** A list of free-text values; {@code null} stays {@code null}. */
    public List<String> texts(List<String> values) {
        return values == null ? null : values.stream().map(masker::mask).toList();
    }

    /** The request types this masker has a rule for. */
    public Set<Class<?>> types() {
        return rules.keySet();
    }

    public static final class Builder {
        private final PersonalDataMasker masker;
        private final Map<Class<?>, Rule<?>> rules = new LinkedHashMap<>();

        private Builder(PersonalDataMasker masker) {
            this.masker = masker;
        }

        public <T> Builder rule(Class<T> type, Rule<T> rule) {
            if (rules.putIfAbsent(type, rule) != null) {
                throw new IllegalArgumentException("two masking rules for " + type.getName());
            }
            return this;
        }

        /** Request types that carry codes only: they pass as they are. */
        public Builder codesOnly(Class<?>... types) {
            for (Class<?> type : types) {
                rule(type, (request, masking) -> request);
            }
            return this;
        }

        public RequestMasker build() {
            return new RequestMasker(masker, rules);
        }
    }
}
