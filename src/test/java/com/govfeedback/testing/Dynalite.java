package com.govfeedback.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.govfeedback.storage.LocalTableBootstrap;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real DynamoDB API server for tests: dynalite (from the repository's package.json) in memory on a
 * free port, one process per test JVM, stopped when the JVM exits.
 */
public final class Dynalite {
    private static Dynalite shared;

    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The JVM-wide server, started on first use with the feedback table created. */
    public static synchronized Dynalite shared() {
        if (shared == null) {
            shared = start();
            try (DynamoDbClient client = shared.client()) {
                LocalTableBootstrap.createIfMissing(client, tableName());
            }
        }
        return shared;
    }

    public static String tableName() {
        return "feedback-test";
    }

    public static Dynalite start() {
        Path cli = repositoryRoot().resolve("node_modules/dynalite/cli.js");
        if (!Files.exists(cli)) {
            throw new IllegalStateException("dynalite is not installed: run `npm ci` at the repository root (make test does)");
        }
        int port = freePort();
        try {
            Process process = new ProcessBuilder("node", cli.toString(), "--port", Integer.toString(port),
                    "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Dynalite server = new Dynalite(process, port);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            server.awaitListening(Duration.ofSeconds(20));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start dynalite with node", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.AP_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public void stop() {
        process.destroy();
    }

    private void awaitListening(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with code " + process.exitValue());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("dynalite did not listen on port " + port + " within " + limit);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder holding package.json, found upwards from the working directory of the test run. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("package.json")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root (package.json and mvnw) not found above " + Path.of("").toAbsolutePath());
    }
}
