package fr.rt.infodoc.solr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Runs a standalone Solr node for rt.infodoc in the foreground.
 *
 * <p>Usage: {@code SolrLauncher SOLR_HOME [PORT] [CONTEXT]}. Solr's own
 * {@link JettySolrRunner} (from solr-test-framework) serves the node; it binds
 * to 127.0.0.1 only. The process stays up until it receives SIGTERM/SIGINT,
 * then stops Jetty and closes the cores cleanly.
 */
public final class SolrLauncher {

    private SolrLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: SolrLauncher SOLR_HOME [PORT] [CONTEXT]");
            System.exit(2);
        }
        Path home = Paths.get(args[0]).toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("solr.xml"))) {
            System.err.println("no solr.xml in solr home " + home);
            System.exit(2);
        }
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8983;
        String context = args.length > 2 ? args[2] : "/solr";

        JettyConfig config = JettyConfig.builder()
                .setPort(port)
                .setContext(context)
                .stopAtShutdown(false)
                .waitForLoadingCoresToFinish(120_000L)
                .build();
        JettySolrRunner runner = new JettySolrRunner(home.toString(), new Properties(), config);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.stop();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "solr-launcher-shutdown"));

        runner.start();
        System.out.println("rt.infodoc Solr " + org.apache.solr.client.api.util.SolrVersion.LATEST_STRING
                + " listening on " + runner.getBaseUrl() + " (home " + home + ")");
        stopped.await();
    }
}
