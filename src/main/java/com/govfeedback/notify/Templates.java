package com.govfeedback.notify;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.shared.Json;

/**
 * The Chinese message templates, one per {@link NotificationEvent}, from {@value #CLASSPATH_FILE}: a title and a body with
 * {@code {placeholders}} filled from the notification's params. A missing template fails at load, not at delivery.
 */
public final class Templates {
    public static final String CLASSPATH_FILE = "notify/templates.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<NotificationEvent, Template> templates;

    /** A rendered message. */
    public record Message(String title, String body) {
    }

    private record Template(String title, String body) {
    }

    private Templates(Map<NotificationEvent, Template> templates) {
        this.templates = templates;
    }

    public static Templates loadDefault() {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(CLASSPATH_FILE)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + CLASSPATH_FILE + " is missing");
            }
            return parse(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("classpath:" + CLASSPATH_FILE + " is not valid JSON", e);
        }
    }

    static Templates parse(JsonNode root) {
        Map<NotificationEvent, Template> templates = new EnumMap<>(NotificationEvent.class);
        for (NotificationEvent event : NotificationEvent.values()) {
            JsonNode node = root.get(event.name());
            if (node == null || !node.path("title").isTextual() || !node.path("body").isTextual()) {
                throw new IllegalStateException(CLASSPATH_FILE + "." + event + ": a template needs a title and a body");
            }
            templates.put(event, new Template(node.get("title").asText(), node.get("body").asText()));
        }
        return new Templates(templates);
    }

    /** The placeholders of the notification's template that its params do not fill (a producer's bug; tests check it). */
    public java.util.Set<String> unfilled(Notification n) {
        Template t = templates.get(n.event());
        java.util.Set<String> missing = new java.util.TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(t.title() + t.body());
        while (m.find()) {
            if (!n.params().containsKey(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        return missing;
    }

    /** The notification's message; a placeholder without a param is left out rather than shown as "{name}". */
    public Message render(Notification n) {
        Template t = templates.get(n.event());
        return new Message(fill(t.title(), n.params()), fill(t.body(), n.params()));
    }

    /** The text with each {name} replaced by its param; a placeholder without a param is left out. */
    public static String fill(String text, Map<String, String> params) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(params.getOrDefault(m.group(1), "")));
        }
        return m.appendTail(out).toString();
    }
}
