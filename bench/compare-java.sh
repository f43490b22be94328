#!/usr/bin/env bash
# Lucene.Net (FlinkSearch's own IndexBuilder + SearchService) against Java Lucene 4.10 with SmartCN on identical input:
# exports the corpus once, then indexes it and runs the query mix with each, alternating, pinned to the same core.
# Usage: bench/compare-java.sh [--docs N] [--rounds R] [--repeat K] [--core C]
set -euo pipefail
cd "$(dirname "$0")/.."

docs=5000 rounds=20 repeat=2 core=1
while (($#)); do
  case "$1" in
    --docs) docs=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --core) core=$2; shift 2 ;;
    *) echo "usage: $0 [--docs N] [--rounds R] [--repeat K] [--core C]" >&2; exit 2 ;;
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

work=$(mktemp -d)
load_before=$(cut -d" " -f1-3 /proc/loadavg)
trap 'rm -rf "$work"' EXIT
echo "compare-java: building (Release) and compiling the Java reference" >&2
dotnet build -c Release bench/FlinkSearch.Benchmarks -v quiet -nologo >/dev/null
bench="bench/FlinkSearch.Benchmarks/bin/Release/net10.0/FlinkSearch.Benchmarks.dll"
javac -d "$work/classes" -cp "$classpath" bench/java/LuceneReference.java

dotnet "$bench" export --docs "$docs" --out "$work/documents.tsv"

for ((i = 1; i <= repeat; i++)); do
  echo "compare-java: run $i of $repeat: Lucene.Net" >&2
  taskset -c "$core" dotnet "$bench" reference --input "$work/documents.tsv" --rounds "$rounds" >"$work/net-$i.txt"
  echo "compare-java: run $i of $repeat: Java Lucene" >&2
  taskset -c "$core" java -cp "$work/classes:$classpath" LuceneReference "$work/documents.tsv" bench/queries.txt "$rounds" >"$work/java-$i.txt"
done

echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average (1/5/15 min) before: $load_before, after: $(cut -d" " -f1-3 /proc/loadavg)"
echo "Lucene.Net: $(grep '^implementation' "$work/net-1.txt" | cut -d' ' -f2-)"
echo "Java:       $(grep '^implementation' "$work/java-1.txt" | cut -d' ' -f2-)"
echo "documents: $docs ($(grep '^text_mb' "$work/net-1.txt" | cut -d' ' -f2) MB of text), queries per run: $(grep '^queries' "$work/net-1.txt" | cut -d' ' -f2), both pinned to core $core"
echo
echo "| run | metric | Lucene.Net | Java Lucene (baseline) | ratio .NET/Java |"
echo "|---:|---|---:|---:|---:|"
for ((i = 1; i <= repeat; i++)); do
  for metric in index_docs_per_s index_docs_per_cpu_s index_mb hits_per_round query_p50_ms query_p95_ms query_p99_ms query_mean_ms \
    query_cpu_p50_ms query_cpu_p95_ms query_cpu_p99_ms query_cpu_mean_ms; do
    net=$(awk -v m="$metric" '$1 == m {print $2}' "$work/net-$i.txt")
    java=$(awk -v m="$metric" '$1 == m {print $2}' "$work/java-$i.txt")
    awk -v i="$i" -v m="$metric" -v n="$net" -v j="$java" 'BEGIN { printf "| %d | %s | %.3f | %.3f | %.2f |\n", i, m, n, j, (j > 0 ? n / j : 0) }'
  done
done
