# Java Lucene 4.10 with SmartCN as the baseline for two .NET rows on identical input (the corpus exported once):
#  - engine: Lucene.Net doing exactly LuceneReference.java's work (FlinkSearch.Benchmarks reference-engine, a mirror of
#    the Java program: stock SmartChineseAnalyzer, same fields, parser, collectors, highlighting, merge, rounds);
#  - app: FlinkSearch's own IndexBuilder + SearchService on the same documents and query texts (reference-app). It does
#    more work per document and query (bilingual analysis, gram fields, synonym queries, proximity, did-you-mean).
# The three run alternately, each pinned to the same core, --repeat times.
# Usage: bench/compare-java.sh [--docs N] [--rounds R] [--repeat K] [--core C] [--warmup W]
set -euo pipefail
cd "$(dirname "$0")/.."

docs=5000 rounds=20 repeat=2 core=1 warmup=10
while (($#)); do
  case "$1" in
    --docs) docs=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --core) core=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    *) echo "usage: $0 [--docs N] [--rounds R] [--repeat K] [--core C] [--warmup W]" >&2; exit 2 ;;
  esac
done

jars=/usr/share/java
classpath=""
for name in core analyzers-common analyzers-smartcn highlighter queryparser queries memory; do
  jar="$jars/lucene-$name-4.10.4.jar"
  [ -f "$jar" ] || { echo "compare-java: $jar missing (apt-get install liblucene4.10-java)" >&2; exit 1; }
  classpath+="$jar:"
done
command -v javac >/dev/null || { echo "compare-java: javac missing (a JDK, e.g. openjdk-17-jdk-headless)" >&2; exit 1; }

# Pinned to one core, .NET waits 10x longer before optimising hot code and measured mostly unoptimised code; the JVM
# has no such delay. Both sides are compared at their optimised steady state (docs/benchmarks.md §4).
export DOTNET_TC_DelaySingleProcMultiplier=${DOTNET_TC_DelaySingleProcMultiplier:-1}

work=$(mktemp -d)
load_before=$(cut -d" " -f1-3 /proc/loadavg)
trap 'rm -rf "$work"' EXIT
echo "compare-java: building (Release) and compiling the Java reference" >&2
dotnet build -c Release bench/FlinkSearch.Benchmarks -v quiet -nologo >/dev/null
bench="bench/FlinkSearch.Benchmarks/bin/Release/net10.0/FlinkSearch.Benchmarks.dll"
javac -d "$work/classes" -cp "$classpath" bench/java/LuceneReference.java

dotnet "$bench" export --docs "$docs" --out "$work/documents.tsv"

for ((i = 1; i <= repeat; i++)); do
  echo "compare-java: run $i of $repeat: Lucene.Net engine mirror" >&2
  taskset -c "$core" dotnet "$bench" reference-engine --input "$work/documents.tsv" --rounds "$rounds" --warmup "$warmup" >"$work/engine-$i.txt"
  echo "compare-java: run $i of $repeat: Java Lucene" >&2
  taskset -c "$core" java -cp "$work/classes:$classpath" LuceneReference "$work/documents.tsv" bench/queries.txt "$rounds" "$warmup" >"$work/java-$i.txt"
  echo "compare-java: run $i of $repeat: FlinkSearch app pipeline" >&2
  taskset -c "$core" dotnet "$bench" reference-app --input "$work/documents.tsv" --rounds "$rounds" --warmup "$warmup" >"$work/app-$i.txt"
done

value() { awk -v m="$1" '$1 == m {print $2}' "$2"; }
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average (1/5/15 min) before: $load_before, after: $(cut -d" " -f1-3 /proc/loadavg)"
echo "Java (baseline): $(grep '^implementation' "$work/java-1.txt" | cut -d' ' -f2-)"
echo "engine:          $(grep '^implementation' "$work/engine-1.txt" | cut -d' ' -f2-), same work as the Java program"
echo "app:             $(grep '^app_implementation' "$work/app-1.txt" | cut -d' ' -f2-), more work on the same input"
echo "documents: $docs ($(value text_mb "$work/java-1.txt") MB of text), queries per run: $(value queries "$work/java-1.txt") ($rounds rounds after $warmup warm-up rounds), all pinned to core $core; DOTNET_TC_DelaySingleProcMultiplier=$DOTNET_TC_DelaySingleProcMultiplier"
echo
echo "| run | metric | Java Lucene (baseline) | Lucene.Net engine, same work | ratio engine/Java | FlinkSearch app, more work | ratio app/Java |"
echo "|---:|---|---:|---:|---:|---:|---:|"
for ((i = 1; i <= repeat; i++)); do
  for metric in index_docs_per_s index_docs_per_cpu_s index_mb hits_per_round query_p50_ms query_p95_ms query_p99_ms query_mean_ms \
    query_cpu_p50_ms query_cpu_p95_ms query_cpu_p99_ms query_cpu_mean_ms; do
    java=$(value "$metric" "$work/java-$i.txt")
    engine=$(value "$metric" "$work/engine-$i.txt")
    app=$(value "app_$metric" "$work/app-$i.txt")
    awk -v i="$i" -v m="$metric" -v j="$java" -v e="$engine" -v a="$app" \
      'BEGIN { f = (m == "hits_per_round" ? "%.0f" : "%.3f")
        printf "| %d | %s | " f " | " f " | %.2f | " f " | %.2f |\n", i, m, j, e, (j > 0 ? e / j : 0), a, (j > 0 ? a / j : 0) }'
  done
done

# A separate untimed pass of each engine run charges the search thread's CPU to phases (the app has no such split).
echo
echo "| run | thread CPU per query, mean ms | Java Lucene (baseline) | Lucene.Net engine, same work | ratio engine/Java |"
echo "|---:|---|---:|---:|---:|"
for ((i = 1; i <= repeat; i++)); do
  for phase in parse search stored highlight; do
    java=$(value "phase_${phase}_cpu_ms" "$work/java-$i.txt") engine=$(value "phase_${phase}_cpu_ms" "$work/engine-$i.txt")
    awk -v i="$i" -v p="$phase" -v j="$java" -v e="$engine" 'BEGIN { printf "| %d | %s | %.3f | %.3f | %.2f |\n", i, p, j, e, (j > 0 ? e / j : 0) }'
  done
done

# Identical work should find identical hits. The two SmartCN ports segment a few sentences differently, so a small
# difference can remain; the queries behind it are named so that a larger one (a mirroring mistake) stands out.
echo
for ((i = 1; i <= repeat; i++)); do
  java=$(value hits_per_round "$work/java-$i.txt") engine=$(value hits_per_round "$work/engine-$i.txt")
  if [ "$java" = "$engine" ]; then
    echo "run $i: engine and Java agree on hits_per_round ($java)"
  else
    echo "run $i: hits_per_round differs: engine $engine, Java $java; per query (engine/Java):"
    paste -d' ' <(grep -v '^#' bench/queries.txt | grep -v '^$' | cut -f2) \
      <(value hits_per_query "$work/engine-$i.txt" | tr ',' '\n') <(value hits_per_query "$work/java-$i.txt" | tr ',' '\n') |
      awk '$(NF - 1) != $NF { printf "  %s: %s/%s\n", substr($0, 1, length($0) - length($(NF - 1)) - length($NF) - 2), $(NF - 1), $NF }'
  fi
done
