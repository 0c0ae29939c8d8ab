package com.govfeedback.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.govfeedback.triage.model.Features;
import com.govfeedback.triage.model.LinearModel;
import com.govfeedback.triage.model.SentimentScorer;
import com.govfeedback.triage.text.PersonalDataMasker;
import com.govfeedback.triage.text.TextNormalizer;

/**
 * Triage of one feedback text: masks personal data, then classifies the masked text into type and
 * urgency colour, domain and departments, topic tags and sentiment. Immutable and thread-safe.
 */
public final class Triage {
    public static final String TYPE_HEAD = "type";
    public static final String DOMAIN_HEAD = "domain";
    /** One-vs-rest head: which domains a text involves at all, the source of {@code alsoDomains}. */
    public static final String MENTION_HEAD = "mention";
    public static final double DEFAULT_REVIEW_THRESHOLD = 0.5;
    /** A second domain is named when the mention head is at least this sure of it. */
    public static final double ALSO_DOMAIN_THRESHOLD = 0.5;
    private static final int EVIDENCE_PER_HEAD = 3;

    private final Taxonomy taxonomy;
    private final LinearModel model;
    private final PersonalDataMasker masker = new PersonalDataMasker();
    private final TextNormalizer normalizer;
    private final TopicTagger tagger;
    private final SentimentScorer sentiment;
    private final double reviewThreshold;
    private final LinearModel.Head typeHead;
    private final LinearModel.Head domainHead;
    private final LinearModel.Head mentionHead;

    /** @param reviewThreshold a type or domain confidence below it sets {@code needsReview} */
    public Triage(Taxonomy taxonomy, LinearModel model, TextNormalizer normalizer, double reviewThreshold) {
        this.taxonomy = taxonomy;
        this.model = model;
        this.normalizer = normalizer;
        this.reviewThreshold = reviewThreshold;
        this.typeHead = model.head(TYPE_HEAD);
        this.domainHead = model.head(DOMAIN_HEAD);
        this.mentionHead = model.head(MENTION_HEAD);
        requireKnown(typeHead.labels(), taxonomy::hasType, "type");
        requireKnown(domainHead.labels(), taxonomy::hasDomain, "domain");
        requireKnown(mentionHead.labels(), taxonomy::hasDomain, "domain");
        this.tagger = new TopicTagger(taxonomy, normalizer);
        this.sentiment = SentimentScorer.loadDefault(normalizer);
    }

    private static void requireKnown(List<String> labels, java.util.function.Predicate<String> known, String kind) {
        for (String label : labels) {
            if (!known.test(label)) {
                throw new InvalidTaxonomyException("the model predicts " + kind + " " + label
                        + " but the taxonomy has no such code; keep every code the model was trained on");
            }
        }
    }

    /** The taxonomy and model shipped on the classpath. */
    public static Triage loadDefault() {
        return load(null, null);
    }

    /** Operator override: either path may be {@code null} for the classpath default. */
    public static Triage load(Path taxonomyFile, Path modelFile) {
        return load(taxonomyFile, modelFile, DEFAULT_REVIEW_THRESHOLD);
    }

    public static Triage load(Path taxonomyFile, Path modelFile, double reviewThreshold) {
        Taxonomy taxonomy = taxonomyFile == null ? Taxonomy.loadDefault() : Taxonomy.load(taxonomyFile);
        return new Triage(taxonomy, loadModel(modelFile), TextNormalizer.loadDefault(), reviewThreshold);
    }

    private static LinearModel loadModel(Path modelFile) {
        try (InputStream in = modelFile == null ? Triage.class.getResourceAsStream(LinearModel.RESOURCE)
                : Files.newInputStream(modelFile)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + LinearModel.RESOURCE + ": run make train");
            }
            return LinearModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read triage model " + (modelFile == null ? LinearModel.RESOURCE : modelFile), e);
        }
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The normaliser the model reads through; near-duplicate signatures use the same one. */
    public TextNormalizer normalizer() {
        return normalizer;
    }

    /** The text with personal data masked: for every free-text field before it is stored, sent or logged. */
    public String mask(String rawText) {
        return masker.mask(rawText == null ? "" : rawText);
    }

    /** Masks first, then classifies the masked text; the raw text is not kept. */
    public TriageResult triage(String rawText) {
        String masked = masker.mask(rawText == null ? "" : rawText);
        int[] cps = normalizer.codePoints(masked);
        Features features = model.extractor().extract(cps);
        double[] p = model.predict(features);

        int type = typeHead.argmax(p);
        int domain = domainHead.argmax(p);
        String typeCode = typeHead.labels().get(type);
        String domainCode = domainHead.labels().get(domain);
        double typeConfidence = p[typeHead.offset() + type];
        double domainConfidence = p[domainHead.offset() + domain];

        List<String> alsoDomains = alsoDomains(p, domainCode);
        String department = taxonomy.domain(domainCode).departmentCode();
        Set<String> copied = new LinkedHashSet<>();
        for (String also : alsoDomains) {
            copied.add(taxonomy.domain(also).departmentCode());
        }
        copied.remove(department);

        List<String> evidence = evidence(features, type, domain);
        SentimentScorer.Sentiment mood = sentiment.score(cps);
        return new TriageResult(masked, typeCode, taxonomy.type(typeCode).colour(), domainCode, alsoDomains, department,
                List.copyOf(copied), tagger.tags(cps), mood.label(), mood.score(), round(typeConfidence),
                round(domainConfidence), evidence,
                typeConfidence < reviewThreshold || domainConfidence < reviewThreshold);
    }

    private List<String> alsoDomains(double[] p, String lead) {
        List<String> also = new ArrayList<>();
        for (int k = 0; k < mentionHead.size(); k++) {
            String code = mentionHead.labels().get(k);
            if (p[mentionHead.offset() + k] >= ALSO_DOMAIN_THRESHOLD && !code.equals(lead)) {
                also.add(code);
            }
        }
        also.sort((a, b) -> Double.compare(p[mentionHead.offset() + mentionHead.labels().indexOf(b)],
                p[mentionHead.offset() + mentionHead.labels().indexOf(a)]));
        return also;
    }

    /** The fragments that pushed hardest towards the chosen type and domain (a few each, none inside another). */
    private List<String> evidence(Features features, int type, int domain) {
        Strongest forType = new Strongest(EVIDENCE_PER_HEAD * 4);
        Strongest forDomain = new Strongest(EVIDENCE_PER_HEAD * 4);
        for (int i = 0; i < features.count(); i++) {
            forType.offer(i, model.contribution(features, i, typeHead, type));
            forDomain.offer(i, model.contribution(features, i, domainHead, domain));
        }
        List<String> fragments = new ArrayList<>(2 * EVIDENCE_PER_HEAD);
        forType.addFragments(features, fragments, EVIDENCE_PER_HEAD);
        forDomain.addFragments(features, fragments, 2 * EVIDENCE_PER_HEAD);
        return List.copyOf(fragments);
    }

    /** Keeps the indices of the few features with the largest positive weight, strongest first. */
    private static final class Strongest {
        private final int[] indices;
        private final int[] weights;
        private int kept;

        Strongest(int capacity) {
            indices = new int[capacity];
            weights = new int[capacity];
        }

        void offer(int index, int weight) {
            if (weight <= 0 || kept == indices.length && weight <= weights[kept - 1]) {
                return;
            }
            int at = kept == indices.length ? kept - 1 : kept++;
            while (at > 0 && weights[at - 1] < weight) {
                indices[at] = indices[at - 1];
                weights[at] = weights[at - 1];
                at--;
            }
            indices[at] = index;
            weights[at] = weight;
        }

        /** Appends fragments until {@code fragments} holds {@code upTo}, skipping any that overlaps one already there. */
        void addFragments(Features features, List<String> fragments, int upTo) {
            for (int j = 0; j < kept && fragments.size() < upTo; j++) {
                String fragment = features.fragment(indices[j]);
                if (fragments.stream().noneMatch(f -> f.contains(fragment) || fragment.contains(f))) {
                    fragments.add(fragment);
                }
            }
        }
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }
}
