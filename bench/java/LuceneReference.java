// The Java Lucene 4.10 half of the engine comparison (bench/compare-java.sh): indexes the exported documents with stock
// SmartChineseAnalyzer, term vectors on title and body and a one-segment merge, then runs the query mix as a plain
// multi-field parse with fixed boosts, top 10 plus section counts, stored fields and FastVectorHighlighter snippets.
// This was the app's pipeline once; it is now a fixed baseline that the .NET `reference-engine` verb
// (bench/FlinkSearch.Benchmarks/Measurements/EngineMirrorRun.cs) mirrors statement by statement. Keep the two in step.
// Prints "key value" lines; hits_per_query (first timed round) lets the script check both sides found the same.
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.AtomicReaderContext;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.highlight.Encoder;
import org.apache.lucene.search.vectorhighlight.FastVectorHighlighter;
import org.apache.lucene.search.vectorhighlight.FieldQuery;
import org.apache.lucene.search.vectorhighlight.ScoreOrderFragmentsBuilder;
import org.apache.lucene.search.vectorhighlight.SimpleBoundaryScanner;
import org.apache.lucene.search.vectorhighlight.SimpleFragListBuilder;
import org.apache.lucene.search.vectorhighlight.SingleFragListBuilder;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

public final class LuceneReference {
    private static final Version VERSION = Version.LUCENE_4_10_4;
    private static final int SNIPPET_LENGTH = 160;
    private static final String[] PRE = {"<mark>"};
    private static final String[] POST = {"</mark>"};
    private static final Character[] BOUNDARIES = {'。', '，', '；', '！', '？', '、', '.', ',', ';', '!', '?', ' ', '\t', '\n'};
    private static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_STORED);

    static {
        HIGHLIGHTED.setStoreTermVectors(true);
        HIGHLIGHTED.setStoreTermVectorPositions(true);
        HIGHLIGHTED.setStoreTermVectorOffsets(true);
        HIGHLIGHTED.freeze();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LuceneReference DOCUMENTS.tsv QUERIES.txt ROUNDS [WARMUP_ROUNDS]");
            System.exit(2);
        }
        List<String[]> docs = readDocuments(Paths.get(args[0]));
        List<String> queries = readQueries(Paths.get(args[1]));
        int rounds = Integer.parseInt(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path dir = Files.createTempDirectory("lucene-reference");
        Analyzer analyzer = new SmartChineseAnalyzer();
        try {
            long textBytes = 0;
            for (String[] d : docs) {
                textBytes += d[1].getBytes(StandardCharsets.UTF_8).length + d[3].getBytes(StandardCharsets.UTF_8).length
                    + d[4].getBytes(StandardCharsets.UTF_8).length;
            }
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStarted = os.getProcessCpuTime();
            long started = System.nanoTime();
            try (FSDirectory directory = FSDirectory.open(dir.toFile());
                 IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(VERSION, analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
                int position = 0;
                for (String[] d : docs) {
                    writer.addDocument(toDocument(d, position++));
                }
                writer.forceMerge(1); // as IndexBuilder does: a generation is written once
                writer.commit();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpuStarted) / 1e9;
            print("implementation", "Java Lucene " + Version.LATEST + " (LuceneReference.java), Java " + System.getProperty("java.version"));
            print("documents", docs.size());
            print("text_mb", textBytes / 1048576.0);
            print("index_seconds", seconds);
            print("index_docs_per_s", docs.size() / seconds);
            print("index_cpu_seconds", cpuSeconds);
            print("index_docs_per_cpu_s", docs.size() / cpuSeconds);
            print("index_mb", sizeOf(dir.toFile()) / 1048576.0);

            try (FSDirectory directory = FSDirectory.open(dir.toFile()); DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                FastVectorHighlighter highlighter = new FastVectorHighlighter(true, true);
                List<Double> times = new ArrayList<>();
                List<Double> cpuTimes = new ArrayList<>();
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long hits = 0;
                List<String> firstRoundHits = new ArrayList<>();
                for (int round = -warmup; round < rounds; round++) {
                    for (String text : queries) {
                        long cpu = threads.getCurrentThreadCpuTime();
                        long t = System.nanoTime();
                        int total = search(searcher, highlighter, analyzer, text, null);
                        double ms = (System.nanoTime() - t) / 1e6;
                        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                        if (round >= 0) {
                            times.add(ms);
                            cpuTimes.add(cpuMs);
                            hits += total;
                        }
                        if (round == 0) {
                            firstRoundHits.add(Integer.toString(total));
                        }
                    }
                }
                Collections.sort(times);
                double sum = 0;
                for (double t : times) {
                    sum += t;
                }
                print("queries", times.size());
                print("hits_per_round", hits / Math.max(rounds, 1));
                print("query_mean_ms", sum / times.size());
                print("query_p50_ms", rank(times, 0.50));
                print("query_p95_ms", rank(times, 0.95));
                print("query_p99_ms", rank(times, 0.99));
                Collections.sort(cpuTimes);
                double cpuSum = 0;
                for (double t : cpuTimes) {
                    cpuSum += t;
                }
                print("query_cpu_mean_ms", cpuSum / cpuTimes.size());
                print("query_cpu_p50_ms", rank(cpuTimes, 0.50));
                print("query_cpu_p95_ms", rank(cpuTimes, 0.95));
                print("query_cpu_p99_ms", rank(cpuTimes, 0.99));
                print("hits_per_query", String.join(",", firstRoundHits));

                // Where the thread's CPU goes, from a separate pass after the timed rounds (the timed rounds take no laps).
                long[] phases = new long[PHASES.length];
                for (int round = 0; round < rounds; round++) {
                    for (String text : queries) {
                        search(searcher, highlighter, analyzer, text, phases);
                    }
                }
                for (int i = 0; i < PHASES.length; i++) {
                    print("phase_" + PHASES[i] + "_cpu_ms", phases[i] / 1e6 / Math.max(1, (long) rounds * queries.size()));
                }
            }
        } finally {
            deleteRecursively(dir.toFile());
        }
    }

    private static final String[] PHASES = {"parse", "search", "stored", "highlight"};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Adds the thread CPU time since mark to phases[phase] and returns the new mark; does nothing without phases. */
    private static long lap(long[] phases, int phase, long mark) {
        if (phases == null) {
            return 0;
        }
        long now = THREADS.getCurrentThreadCpuTime();
        phases[phase] += now - mark;
        return now;
    }

    private static int search(IndexSearcher searcher, FastVectorHighlighter highlighter, Analyzer analyzer, String text, long[] phases) throws IOException {
        long mark = phases == null ? 0 : THREADS.getCurrentThreadCpuTime();
        Query query = parse(analyzer, text);
        mark = lap(phases, 0, mark);
        SectionCounter counter = new SectionCounter();
        TopScoreDocCollector top = TopScoreDocCollector.create(10, false);
        searcher.search(query, MultiCollector.wrap(counter, top));
        TopDocs docs = top.topDocs(0, 10);
        counter.flush();
        mark = lap(phases, 1, mark);
        IndexReader reader = searcher.getIndexReader();
        StringBuilder sink = new StringBuilder();
        for (ScoreDoc scoreDoc : docs.scoreDocs) {
            Document doc = searcher.doc(scoreDoc.doc);
            String title = doc.get("title");
            String body = doc.get("body");
            mark = lap(phases, 2, mark);
            FieldQuery fieldQuery = highlighter.getFieldQuery(query, reader);
            String[] t = highlighter.getBestFragments(fieldQuery, reader, scoreDoc.doc, "title", SNIPPET_LENGTH, 1,
                new SingleFragListBuilder(), new LoadedText(title), PRE, POST, ESCAPING);
            sink.append(t == null || t.length == 0 ? escape(title) : String.join("…", t));
            if (body != null) {
                String[] b = highlighter.getBestFragments(highlighter.getFieldQuery(query, reader), reader, scoreDoc.doc, "body", SNIPPET_LENGTH, 2,
                    new SimpleFragListBuilder(), new LoadedText(body), PRE, POST, ESCAPING);
                sink.append(b == null || b.length == 0 ? escape(body.substring(0, Math.min(SNIPPET_LENGTH, body.length()))) : String.join("…", b));
            }
            mark = lap(phases, 3, mark);
        }
        return docs.totalHits + (sink.length() < 0 ? 1 : 0);
    }

    private static Query parse(Analyzer analyzer, String text) {
        Map<String, Float> boosts = new LinkedHashMap<>();
        boosts.put("title", 4f);
        boosts.put("section_text", 2f);
        boosts.put("note", 2f);
        boosts.put("body", 1f);
        boosts.put("author", 1f);
        boosts.put("account", 1f);
        MultiFieldQueryParser parser = new MultiFieldQueryParser(boosts.keySet().toArray(new String[0]), analyzer, boosts);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        parser.setAllowLeadingWildcard(false);
        try {
            return parser.parse(text.replace(":", "\\:").replace("/", "\\/"));
        } catch (ParseException e) {
            try {
                return parser.parse(QueryParser.escape(text));
            } catch (ParseException again) {
                throw new IllegalStateException(again);
            }
        }
    }

    private static Document toDocument(String[] d, int position) {
        Document doc = new Document();
        doc.add(new StringField("id", d[0], Field.Store.YES));
        doc.add(new StoredField("url", "https://bench.invalid/" + d[0]));
        doc.add(new Field("title", d[1], HIGHLIGHTED));
        doc.add(new StringField("status", "ok", Field.Store.YES));
        doc.add(new StoredField("list_id", "bench"));
        doc.add(new IntField("position", position, Field.Store.YES));
        for (String section : d[2].split("\u001f")) {
            doc.add(new StringField("section", section, Field.Store.YES));
            doc.add(new SortedSetDocValuesField("section_facet", new BytesRef(section)));
            doc.add(new TextField("section_text", section, Field.Store.NO));
        }
        if (!d[3].trim().isEmpty()) {
            doc.add(new TextField("note", d[3], Field.Store.YES));
        }
        if (!d[4].trim().isEmpty()) {
            doc.add(new Field("body", d[4], HIGHLIGHTED));
        }
        return doc;
    }

    /** Counts every match per section from doc values, as FlinkSearch's SectionCountingCollector does. */
    private static final class SectionCounter extends Collector {
        private final Map<String, Integer> counts = new HashMap<>();
        private SortedSetDocValues values;
        private int[] segment = new int[0];

        @Override public void setScorer(Scorer scorer) { }
        @Override public boolean acceptsDocsOutOfOrder() { return true; }

        @Override public void setNextReader(AtomicReaderContext context) throws IOException {
            flush();
            values = context.reader().getSortedSetDocValues("section_facet");
            segment = values == null ? new int[0] : new int[(int) values.getValueCount()];
        }

        @Override public void collect(int doc) {
            if (values == null) {
                return;
            }
            values.setDocument(doc);
            long ord;
            while ((ord = values.nextOrd()) != SortedSetDocValues.NO_MORE_ORDS) {
                segment[(int) ord]++;
            }
        }

        void flush() {
            if (values == null) {
                return;
            }
            for (int ord = 0; ord < segment.length; ord++) {
                if (segment[ord] > 0) {
                    counts.merge(values.lookupOrd(ord).utf8ToString(), segment[ord], Integer::sum);
                }
            }
            values = null;
        }
    }

    /** Gives the highlighter the already loaded text instead of a second stored-field read (as SnippetHighlighter does). */
    private static final class LoadedText extends ScoreOrderFragmentsBuilder {
        private final String text;

        LoadedText(String text) {
            super(PRE, POST, new SimpleBoundaryScanner(20, BOUNDARIES));
            this.text = text;
        }

        @Override protected Field[] getFields(IndexReader reader, int docId, String fieldName) {
            return new Field[] {new TextField(fieldName, text, Field.Store.YES)};
        }
    }

    private static final Encoder ESCAPING = LuceneReference::escape;

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String[]> readDocuments(Path path) throws IOException {
        List<String[]> docs = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t", -1);
            for (int i = 0; i < fields.length; i++) {
                fields[i] = unescape(fields[i]);
            }
            docs.add(fields);
        }
        return docs;
    }

    private static List<String> readQueries(Path path) throws IOException {
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                queries.add(line.split("\t", 2)[1]);
            }
        }
        return queries;
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
        }
        return out.toString();
    }

    private static double rank(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static long sizeOf(File dir) {
        long size = 0;
        for (File f : dir.listFiles()) {
            size += f.isDirectory() ? sizeOf(f) : f.length();
        }
        return size;
    }

    private static void deleteRecursively(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteRecursively(c);
            }
        }
        f.delete();
    }

    private static void print(String key, Object value) {
        System.out.println(key + " " + (value instanceof Double ? String.format(Locale.ROOT, "%.4f", (Double) value) : value));
    }
}
