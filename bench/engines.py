#!/usr/bin/env python3
"""The engines bench/http-load.sh puts under the same load: FlinkSearch and, as a peer, Groonga's HTTP server.

  engines.py paths ENGINE QUERIES.txt              request path of each query of the mix, one a line (what wrk cycles)
  engines.py sample ENGINE BASE_URL PATHS          one pass over the paths; the in-process time each engine reports
  engines.py groonga-tables                        Groonga commands creating the table and the lexicon
  engines.py groonga-index                         Groonga command creating the bigram index of title and body
  engines.py groonga-load DOCUMENTS.tsv [COPIES]   Groonga's load command for the exported documents

ENGINE is flinksearch or groonga. Standard library only.
"""
import json
import math
import sys
import urllib.error
import urllib.parse
import urllib.request

ENGINES = ("flinksearch", "groonga")

# The select the issue measured Groonga with: title weighted twice, top 10 by score with an HTML snippet of the body.
# cache=no: Groonga's query cache would answer a repeated query without searching, as FlinkSearch's output cache does.
GROONGA_SELECT = {
    "table": "Docs",
    "match_columns": "title*2||body",
    "output_columns": "_key,_score,title,snippet_html(body)",
    "sort_keys": "-_score",
    "limit": "10",
    "cache": "no",
}

GROONGA_TABLES = """table_create Docs TABLE_HASH_KEY ShortText
column_create Docs title COLUMN_SCALAR ShortText
column_create Docs body COLUMN_SCALAR Text
table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer TokenBigram --normalizer NormalizerAuto
"""

# Created before a load, it is updated record by record; created after, Groonga builds it from the loaded columns.
GROONGA_INDEX = "column_create Terms docs_text COLUMN_INDEX|WITH_POSITION|WITH_SECTION Docs title,body\n"

TEXT_COLUMN_LIMIT = 65535  # bytes in a Groonga Text column


def read_mix(path):
    """The query texts of bench/queries.txt: kind TAB text, '#' comments and blank lines skipped."""
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t", 1)[1] for line in f if line.strip() and not line.startswith("#")]


def groonga_query(text):
    """The text in Groonga's query syntax: quoted phrases stay phrases, every other word becomes a one-word phrase.

    A quoted word searches exactly what the bare word would (keywords are tokenised and matched as adjacent tokens
    anyway), but nothing in it is read as syntax: OR, a leading - or +, column:value, a '*' pragma, parentheses.
    Words are joined by spaces, which Groonga reads as AND. An unbalanced quote is an ordinary character.
    """
    def quote(words):
        return '"' + words.replace("\\", "\\\\").replace('"', '\\"') + '"'

    parts = []
    rest = text
    while rest:
        start = rest.find('"')
        end = rest.find('"', start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            parts += [quote(w) for w in rest.split()]
            break
        parts += [quote(w) for w in rest[:start].split()]
        if rest[start + 1:end].strip():
            parts.append(quote(" ".join(rest[start + 1:end].split())))
        rest = rest[end + 1:]
    return " ".join(parts)


def request_path(engine, text):
    if engine == "flinksearch":
        return "/search?q=" + urllib.parse.quote(text, safe="")
    return "/d/select?" + urllib.parse.urlencode({**GROONGA_SELECT, "query": groonga_query(text)}, quote_via=urllib.parse.quote)


def in_process(engine, status, body):
    """(milliseconds the engine reports for the query, total hits) of one answer, or an error message."""
    if status != 200:
        return f"HTTP {status}: {body[:200]!r}"
    answer = json.loads(body)
    if engine == "flinksearch":
        return answer["tookMs"], answer["total"]
    header, result = answer[0], answer[1] if len(answer) > 1 else None
    if header[0] != 0:
        return f"Groonga return code {header[0]}: {header[3] if len(header) > 3 else ''}"
    return header[2] * 1000.0, result[0][0][0]


def nearest_rank(sorted_values, p):
    return sorted_values[min(max(math.ceil(p * len(sorted_values)) - 1, 0), len(sorted_values) - 1)]


def sample(engine, base, paths_file):
    """One sequential pass: prints 'queries= p50_ms= p99_ms= mean_ms= max_ms= hits=', exits 1 on any failed query."""
    with open(paths_file, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    times, hits = [], 0
    for path in paths:
        try:
            with urllib.request.urlopen(base + path, timeout=30) as response:
                outcome = in_process(engine, response.status, response.read())
        except urllib.error.HTTPError as error:
            outcome = in_process(engine, error.code, error.read())
        if isinstance(outcome, str):
            sys.exit(f"engines: {engine} refused {urllib.parse.unquote(path)}: {outcome}")
        times.append(outcome[0])
        hits += outcome[1]
    times.sort()
    print(f"queries={len(times)} p50_ms={nearest_rank(times, 0.50):.3f} p99_ms={nearest_rank(times, 0.99):.3f} "
          f"mean_ms={sum(times) / len(times):.3f} max_ms={times[-1]:.3f} hits={hits}")


def unescape(field):
    """Undo DocumentFile.cs's escaping of backslash, tab and newlines."""
    if "\\" not in field:
        return field
    out, i = [], 0
    while i < len(field):
        c = field[i]
        if c == "\\" and i + 1 < len(field):
            i += 1
            c = {"t": "\t", "n": "\n", "r": "\r"}.get(field[i], field[i])
        out.append(c)
        i += 1
    return "".join(out)


def groonga_load(documents_file, copies):
    """load --table Docs with one record per document (id, title, body); with COPIES > 1 each document again under
    the key id#k, as the bench's replicated indexes hold the 10,000-document unit several times."""
    out = sys.stdout
    out.write("load --table Docs\n[\n")
    first = True
    for k in range(copies):
        with open(documents_file, encoding="utf-8") as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                key, title, body = unescape(fields[0]), unescape(fields[1]), unescape(fields[4])
                if len(body.encode("utf-8")) > TEXT_COLUMN_LIMIT:
                    sys.exit(f"engines: the body of {key} exceeds Groonga's Text column ({TEXT_COLUMN_LIMIT} bytes)")
                record = {"_key": key if k == 0 else f"{key}#{k}", "title": title, "body": body}
                out.write(("" if first else ",\n") + json.dumps(record, ensure_ascii=False))
                first = False
    out.write("\n]\n")


def main(args):
    if len(args) == 3 and args[0] == "paths" and args[1] in ENGINES:
        for text in read_mix(args[2]):
            print(request_path(args[1], text))
    elif len(args) == 4 and args[0] == "sample" and args[1] in ENGINES:
        sample(args[1], args[2].rstrip("/"), args[3])
    elif args == ["groonga-tables"]:
        sys.stdout.write(GROONGA_TABLES)
    elif args == ["groonga-index"]:
        sys.stdout.write(GROONGA_INDEX)
    elif len(args) in (2, 3) and args[0] == "groonga-load" and (len(args) == 2 or args[2].isdigit()):
        groonga_load(args[1], int(args[2]) if len(args) == 3 else 1)
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
