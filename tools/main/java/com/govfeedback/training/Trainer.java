package com.govfeedback.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.shared.Json;
import com.govfeedback.triage.Taxonomy;
import com.govfeedback.triage.Triage;
import com.govfeedback.triage.model.FeatureExtractor;
import com.govfeedback.triage.model.Features;
import com.govfeedback.triage.model.LabelledText;
import com.govfeedback.triage.model.LinearModel;
import com.govfeedback.triage.text.PersonalDataMasker;
import com.govfeedback.triage.text.TextNormalizer;

/**
 * Trains the triage model: L2-regularised multinomial logistic regression (type, domain) plus
 * one-vs-rest logistic regression (domains mentioned), by AdaGrad SGD over hashed features, with a
 * fixed seed so the same corpus always gives the same model.
 */
public final class Trainer {
    public static final String CUES_RESOURCE = "/triage/cues.json";

    /** @param l2 penalty per update on the touched weights; larger generalises more and fits less */
    public record Options(int bucketBits, int epochs, double learningRate, double l2, long seed) {
        public static Options defaults() {
            return new Options(15, 12, 0.2, 1e-3, 20240601L);
        }
    }

    private final Taxonomy taxonomy;
    private final TextNormalizer normalizer;
    private final PersonalDataMasker masker = new PersonalDataMasker();

    public Trainer(Taxonomy taxonomy, TextNormalizer normalizer) {
        this.taxonomy = taxonomy;
        this.normalizer = normalizer;
    }

    /** The text as the model sees it: masked, then normalised (the same steps as {@link Triage#triage}). */
    public String modelText(String raw) {
        return normalizer.normalize(masker.mask(raw));
    }

    public LinearModel train(List<LabelledText> examples, Options options) {
        List<String> types = taxonomy.types().stream().map(Taxonomy.FeedbackType::code).toList();
        List<String> domains = taxonomy.domains().stream().map(Taxonomy.Domain::code).toList();
        List<LinearModel.Head> heads = List.of(
                new LinearModel.Head(Triage.TYPE_HEAD, false, types, 0),
                new LinearModel.Head(Triage.DOMAIN_HEAD, false, domains, types.size()),
                new LinearModel.Head(Triage.MENTION_HEAD, true, domains, types.size() + domains.size()));
        int width = types.size() + 2 * domains.size();
        List<LinearModel.CueGroup> cues = loadCueGroups();
        FeatureExtractor extractor = new FeatureExtractor(options.bucketBits(),
                cues.stream().map(LinearModel.CueGroup::words).toList());

        Features[] features = new Features[examples.size()];
        float[][] targets = new float[examples.size()][];
        for (int e = 0; e < examples.size(); e++) {
            LabelledText example = examples.get(e);
            features[e] = extractor.extract(modelText(example.text()));
            float[] y = new float[width];
            y[index(types, example.type(), "type", example)] = 1;
            int domain = index(domains, example.domain(), "domain", example);
            y[types.size() + domain] = 1;
            y[types.size() + domains.size() + domain] = 1;
            for (String also : example.alsoDomains()) {
                y[types.size() + domains.size() + index(domains, also, "alsoDomains", example)] = 1;
            }
            targets[e] = y;
        }

        float[] weights = new float[extractor.bucketCount() * width];
        float[] squaredGradients = new float[weights.length];
        float[] bias = new float[width];
        float[] biasSquaredGradients = new float[width];
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(options.seed());
        double[] p = new double[width];
        double lr = options.learningRate();
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            shuffle(order, random);
            for (int e : order) {
                Features f = features[e];
                float v = (float) f.value();
                for (int k = 0; k < width; k++) {
                    p[k] = bias[k];
                }
                for (int i = 0; i < f.count(); i++) {
                    int row = f.bucket(i) * width;
                    for (int k = 0; k < width; k++) {
                        p[k] += weights[row + k] * v;
                    }
                }
                for (LinearModel.Head head : heads) {
                    if (head.multiLabel()) {
                        for (int k = head.offset(); k < head.offset() + head.size(); k++) {
                            p[k] = 1 / (1 + Math.exp(-p[k]));
                        }
                    } else {
                        LinearModel.softmax(p, head.offset(), head.size());
                    }
                }
                float[] y = targets[e];
                for (int k = 0; k < width; k++) {
                    float g = (float) (p[k] - y[k]);
                    biasSquaredGradients[k] += g * g;
                    bias[k] -= (float) (lr * g / (Math.sqrt(biasSquaredGradients[k]) + 1e-6));
                }
                for (int i = 0; i < f.count(); i++) {
                    int row = f.bucket(i) * width;
                    for (int k = 0; k < width; k++) {
                        int at = row + k;
                        float g = (float) ((p[k] - y[k]) * v + options.l2() * weights[at]);
                        squaredGradients[at] += g * g;
                        weights[at] -= (float) (lr * g / (Math.sqrt(squaredGradients[at]) + 1e-6));
                    }
                }
            }
        }
        return LinearModel.quantise(options.bucketBits(), cues, heads, weights, bias);
    }

    private static int index(List<String> codes, String code, String field, LabelledText example) {
        int index = codes.indexOf(code);
        if (index < 0) {
            throw new IllegalArgumentException(field + " " + code + " is not in the taxonomy, in line: " + example.text());
        }
        return index;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Cue groups from {@value #CUES_RESOURCE}, their words normalised like the text they are looked for in. */
    private List<LinearModel.CueGroup> loadCueGroups() {
        try (InputStream in = Trainer.class.getResourceAsStream(CUES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + CUES_RESOURCE);
            }
            JsonNode groups = Json.mapper().readTree(in).get("groups");
            List<LinearModel.CueGroup> cues = new ArrayList<>();
            groups.fields().forEachRemaining(entry -> {
                List<String> words = new ArrayList<>();
                entry.getValue().forEach(word -> words.add(normalizer.normalize(word.asText())));
                cues.add(new LinearModel.CueGroup(entry.getKey(), List.copyOf(words)));
            });
            return cues;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
