// Runs boilerpipe's ArticleExtractor (Debian libboilerpipe-java) over every page of a folder in one process,
// single-threaded, and writes one JSON line per page: {"source": KEY, "text": ...}. Extraction time (pages already in
// memory) goes to stderr as "timing pages=N seconds=WALL cpu=PROCESS_CPU". No "title": ArticleExtractor reports none
// apart from its text, which keeps the headline when its classifier finds it (ExpandTitleToContentFilter).
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

public final class BoilerpipePeer {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<String> keys = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path path : files.filter(p -> p.getFileName().toString().endsWith(".html.gz")).sorted().toList()) {
                String name = path.getFileName().toString();
                keys.add(name.substring(0, name.length() - ".html.gz".length()));
                pages.add(readGzip(path));
            }
        }
        ArticleExtractor extractor = ArticleExtractor.INSTANCE;
        // Start-up ends when the tool has extracted one page (class loading, first compilations), untimed, as for every tool.
        if (!pages.isEmpty()) {
            extractor.getText(pages.get(0));
        }
        var threads = ManagementFactory.getThreadMXBean();
        String[] texts = new String[pages.size()];
        double bestSeconds = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int pass = 0; pass < passes; pass++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < pages.size(); i++) {
                try {
                    texts[i] = extractor.getText(pages.get(i));
                } catch (Exception | StackOverflowError e) { // one bad page must not stop the run
                    System.err.println("boilerpipe: " + keys.get(i) + ": " + e);
                    texts[i] = "";
                }
            }
            bestSeconds = Math.min(bestSeconds, (System.nanoTime() - start) / 1e9);
            bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (int i = 0; i < pages.size(); i++) {
            out.println("{\"source\":" + json(keys.get(i)) + ",\"text\":" + json(texts[i] == null ? "" : texts[i]) + "}");
        }
        out.flush();
        System.err.printf(java.util.Locale.ROOT, "timing pages=%d seconds=%.4f cpu=%.4f passes=%d%n", pages.size(), bestSeconds, bestCpu, passes);
    }

    private static String readGzip(Path path) throws IOException {
        try (InputStream input = new GZIPInputStream(Files.newInputStream(path))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            input.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static String json(String text) {
        StringBuilder builder = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> builder.append("\\\"");
                case '\\' -> builder.append("\\\\");
                case '\n' -> builder.append("\\n");
                case '\r' -> builder.append("\\r");
                case '\t' -> builder.append("\\t");
                default -> {
                    if (c < 0x20) {
                        builder.append(String.format("\\u%04x", (int) c));
                    } else {
                        builder.append(c);
                    }
                }
            }
        }
        return builder.append('"').toString();
    }
}
