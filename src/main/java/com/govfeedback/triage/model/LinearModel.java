package com.govfeedback.triage.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A hashed-feature linear classifier with several output heads (softmax or one-vs-rest) sharing
 * one feature space; weights are quantised to one byte each and stored row by row for the buckets
 * that carry any weight. It also carries the cue-word groups it was trained with, so features and
 * weights always travel together.
 */
public final class LinearModel {
    public static final String RESOURCE = "/triage/model.bin";
    private static final int MAGIC = 0x47465452;
    private static final int VERSION = 1;

    /** One output of the model: a softmax over exclusive labels, or independent sigmoids when multi-label. */
    public record Head(String name, boolean multiLabel, List<String> labels, int offset) {
        public int size() {
            return labels.size();
        }

        /** The index of this head's most probable label within {@code p}, the scores of every head. */
        public int argmax(double[] p) {
            int best = 0;
            for (int k = 1; k < size(); k++) {
                if (p[offset + k] > p[offset + best]) {
                    best = k;
                }
            }
            return best;
        }
    }

    /** A named list of cue words, one shared feature for all of them. */
    public record CueGroup(String name, List<String> words) {
    }

    private final int bucketBits;
    private final List<CueGroup> cueGroups;
    private final List<Head> heads;
    private final int width;
    private final byte[] weights;
    private final float[] scales;
    private final float[] bias;
    private final FeatureExtractor extractor;

    LinearModel(int bucketBits, List<CueGroup> cueGroups, List<Head> heads, byte[] weights, float[] scales, float[] bias) {
        this.bucketBits = bucketBits;
        this.cueGroups = List.copyOf(cueGroups);
        this.heads = List.copyOf(heads);
        this.width = bias.length;
        this.weights = weights;
        this.scales = scales;
        this.bias = bias;
        this.extractor = new FeatureExtractor(bucketBits, cueGroups.stream().map(CueGroup::words).toList());
    }

    /** Quantises trained float weights ({@code buckets × width}, row-major) to one signed byte per weight, per head scale. */
    public static LinearModel quantise(int bucketBits, List<CueGroup> cueGroups, List<Head> heads, float[] dense, float[] bias) {
        int width = bias.length;
        float[] scales = new float[heads.size()];
        byte[] weights = new byte[dense.length];
        for (int h = 0; h < heads.size(); h++) {
            Head head = heads.get(h);
            float max = 1e-9f;
            for (int row = 0; row < dense.length; row += width) {
                for (int k = head.offset; k < head.offset + head.size(); k++) {
                    max = Math.max(max, Math.abs(dense[row + k]));
                }
            }
            scales[h] = max / 127f;
            for (int row = 0; row < dense.length; row += width) {
                for (int k = head.offset; k < head.offset + head.size(); k++) {
                    weights[row + k] = (byte) Math.round(dense[row + k] / scales[h]);
                }
            }
        }
        return new LinearModel(bucketBits, cueGroups, heads, weights, scales, bias.clone());
    }

    public FeatureExtractor extractor() {
        return extractor;
    }

    public List<Head> heads() {
        return heads;
    }

    public List<CueGroup> cueGroups() {
        return cueGroups;
    }

    public Head head(String name) {
        for (Head head : heads) {
            if (head.name.equals(name)) {
                return head;
            }
        }
        throw new IllegalArgumentException("model has no head " + name);
    }

    /** Probabilities of every head's labels, laid out as the heads' offsets say. */
    public double[] predict(Features features) {
        int[] sums = new int[width];
        int[] buckets = features.buckets;
        byte[] w = weights;
        for (int i = 0; i < features.count; i++) {
            int row = buckets[i] * width;
            for (int k = 0; k < width; k++) {
                sums[k] += w[row + k];
            }
        }
        double value = features.value();
        double[] out = new double[width];
        for (int h = 0; h < heads.size(); h++) {
            Head head = heads.get(h);
            double scale = scales[h] * value;
            for (int k = head.offset; k < head.offset + head.size(); k++) {
                out[k] = bias[k] + scale * sums[k];
            }
            if (head.multiLabel) {
                for (int k = head.offset; k < head.offset + head.size(); k++) {
                    out[k] = 1 / (1 + Math.exp(-out[k]));
                }
            } else {
                softmax(out, head.offset, head.size());
            }
        }
        return out;
    }

    public static void softmax(double[] v, int from, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = from; k < from + length; k++) {
            max = Math.max(max, v[k]);
        }
        double sum = 0;
        for (int k = from; k < from + length; k++) {
            v[k] = Math.exp(v[k] - max);
            sum += v[k];
        }
        for (int k = from; k < from + length; k++) {
            v[k] /= sum;
        }
    }

    /** How much the i-th feature pushed towards {@code label} of {@code head} (in weight units, may be negative). */
    public int contribution(Features features, int i, Head head, int label) {
        return weights[features.buckets[i] * width + head.offset + label];
    }

    public void write(OutputStream target) throws IOException {
        GZIPOutputStream zip = new GZIPOutputStream(target, 1 << 16);
        DataOutputStream out = new DataOutputStream(zip);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(bucketBits);
        out.writeInt(cueGroups.size());
        for (CueGroup group : cueGroups) {
            out.writeUTF(group.name);
            out.writeInt(group.words.size());
            for (String word : group.words) {
                out.writeUTF(word);
            }
        }
        out.writeInt(heads.size());
        for (int h = 0; h < heads.size(); h++) {
            Head head = heads.get(h);
            out.writeUTF(head.name);
            out.writeBoolean(head.multiLabel);
            out.writeInt(head.size());
            for (String label : head.labels) {
                out.writeUTF(label);
            }
            out.writeFloat(scales[h]);
            for (int k = head.offset; k < head.offset + head.size(); k++) {
                out.writeFloat(bias[k]);
            }
        }
        List<Integer> rows = new ArrayList<>();
        for (int bucket = 0; bucket < 1 << bucketBits; bucket++) {
            for (int k = 0; k < width; k++) {
                if (weights[bucket * width + k] != 0) {
                    rows.add(bucket);
                    break;
                }
            }
        }
        out.writeInt(rows.size());
        int previous = 0;
        for (int bucket : rows) {
            writeVarInt(out, bucket - previous);
            previous = bucket;
            out.write(weights, bucket * width, width);
        }
        out.flush();
        zip.finish();
    }

    public static LinearModel read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(source, 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a triage model file of version " + VERSION);
        }
        int bucketBits = in.readInt();
        int groupCount = in.readInt();
        List<CueGroup> groups = new ArrayList<>(groupCount);
        for (int g = 0; g < groupCount; g++) {
            String name = in.readUTF();
            int wordCount = in.readInt();
            List<String> words = new ArrayList<>(wordCount);
            for (int w = 0; w < wordCount; w++) {
                words.add(in.readUTF());
            }
            groups.add(new CueGroup(name, List.copyOf(words)));
        }
        int headCount = in.readInt();
        List<Head> heads = new ArrayList<>(headCount);
        float[] scales = new float[headCount];
        List<Float> biases = new ArrayList<>();
        int offset = 0;
        for (int h = 0; h < headCount; h++) {
            String name = in.readUTF();
            boolean multiLabel = in.readBoolean();
            int size = in.readInt();
            List<String> labels = new ArrayList<>(size);
            for (int k = 0; k < size; k++) {
                labels.add(in.readUTF());
            }
            scales[h] = in.readFloat();
            for (int k = 0; k < size; k++) {
                biases.add(in.readFloat());
            }
            heads.add(new Head(name, multiLabel, List.copyOf(labels), offset));
            offset += size;
        }
        float[] bias = new float[offset];
        for (int k = 0; k < offset; k++) {
            bias[k] = biases.get(k);
        }
        byte[] weights = new byte[(1 << bucketBits) * offset];
        int rows = in.readInt();
        int bucket = 0;
        for (int r = 0; r < rows; r++) {
            bucket += readVarInt(in);
            in.readFully(weights, bucket * offset, offset);
        }
        return new LinearModel(bucketBits, groups, heads, weights, scales, bias);
    }

    private static void writeVarInt(DataOutputStream out, int value) throws IOException {
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }
}
