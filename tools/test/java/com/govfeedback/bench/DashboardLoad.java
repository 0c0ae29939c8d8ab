package com.govfeedback.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import com.govfeedback.auth.Role;
import com.govfeedback.devtoken.DevTokenIssuer;
import com.govfeedback.insights.InsightsBench;
import com.govfeedback.sla.CityZone;
import com.govfeedback.testing.StoreCallCounter;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The leaders' dashboard over HTTP, for {@code make bench}: seeds the running API's store with the aggregates of 100,000
 * synthetic feedback ({@link InsightsBench#seed}), then times {@code POST /insights/dashboard} as a supervisor for a 30-day
 * and a 92-day range, one request after another, and prints p50, p99, the answer's size and what one request reads from
 * the store (the same {@code DashboardFigures} the function calls, over a client that counts its calls).
 *
 * <p>Arguments: API_URL STORE_URL TABLE KEY_DIR [FEEDBACK=100000] [RUNS=100].
 */
public final class DashboardLoad {
    private DashboardLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[0]);
        URI store = URI.create(args[1]);
        String table = args[2];
        String token = DevTokenIssuer.fromKeyDirectory(Path.of(args[3])).issue(Role.SUPERVISOR, "bench-leader", "HRSS_BUREAU", Duration.ofHours(1));
        int feedback = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        int runs = args.length > 5 ? Integer.parseInt(args[5]) : 100;
        StoreCallCounter counter = new StoreCallCounter();
        LocalDate today = LocalDate.now(CityZone.ZONE);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (DynamoDbClient dynamo = counter.client(store)) {
            System.out.println("dashboard bench (HTTP): " + InsightsBench.seed(dynamo, table, feedback, today));
            for (int days : new int[] { 30, InsightsBench.DAYS }) {
                LocalDate from = today.minusDays(days - 1L);
                String body = "{\"from\":\"" + from + "\",\"to\":\"" + today + "\"}";
                int bytes = 0;
                for (int i = 0; i < 10; i++) {
                    bytes = post(http, api, token, body).length();
                }
                double[] ms = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    post(http, api, token, body);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(ms);
                counter.reset();
                InsightsBench.figures(dynamo, table).read(from, today);
                System.out.printf(Locale.ROOT, "  POST /insights/dashboard, %2d days: p50 %.1f ms, p99 %.1f ms over %d requests; answer %,d characters;"
                        + " store reads per request: %s%n", days, ms[runs / 2], ms[(int) Math.ceil(runs * 0.99) - 1], runs, bytes,
                        InsightsBench.readsOfOneRequest(counter));
            }
        }
    }

    private static String post(HttpClient http, URI api, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/insights/dashboard"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
