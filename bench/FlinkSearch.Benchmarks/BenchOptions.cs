using System.Globalization;

namespace FlinkSearch.Benchmarks;

/// <summary>The runner's command line; anything after <c>--</c> goes to BenchmarkDotNet unchanged.</summary>
public sealed record BenchOptions(string Verb, bool Quick, bool PerQuery, int[] Sizes, int? Rounds, int? IndexDocuments, int Documents, string? Output, string? Input,
    string? DataDirectory, string[] BenchmarkDotNetArgs, string? Error, int? Warmup = null, double ChangedPercent = 1, int FlapEvery = 10)
{
    private static readonly string[] Verbs = ["suite", "measure", "export", "reference-engine", "reference-app", "prepare", "incremental", "analytics", "site", "open", "orders"];

    public static BenchOptions Parse(string[] args)
    {
        var split = Array.IndexOf(args, "--");
        var own = split < 0 ? args : args[..split];
        var rest = split < 0 ? [] : args[(split + 1)..];
        var options = new BenchOptions("suite", false, false, [100, 10_000, 100_000], null, null, 0, null, null, null, rest, null);
        var i = 0;
        if (own.Length > 0 && !own[0].StartsWith('-'))
        {
            options = Verbs.Contains(own[0]) ? options with { Verb = own[0] } : options with { Error = $"unknown verb '{own[0]}'" };
            i = 1;
        }

        for (; i < own.Length && options.Error is null; i++)
        {
            var value = i + 1 < own.Length ? own[i + 1] : null;
            options = own[i] switch
            {
                "--quick" => options with { Quick = true, Sizes = [100, 1_000] },
                "--sizes" when TryInts(value, out var sizes) => Skip(ref i, options with { Sizes = sizes }),
                "--rounds" when TryInts(value, out var r) && r.Length == 1 => Skip(ref i, options with { Rounds = r[0] }),
                "--warmup" when TryInts(value, out var w) && w.Length == 1 => Skip(ref i, options with { Warmup = w[0] }),
                "--index-docs" when TryInts(value, out var n) && n.Length == 1 => Skip(ref i, options with { IndexDocuments = n[0] }),
                "--no-indexing" => options with { IndexDocuments = 0 },
                "--per-query" => options with { PerQuery = true },
                "--docs" when TryInts(value, out var d) && d.Length == 1 => Skip(ref i, options with { Documents = d[0] }),
                "--out" when value is not null => Skip(ref i, options with { Output = value }),
                "--input" when value is not null => Skip(ref i, options with { Input = value }),
                "--data-dir" when value is not null => Skip(ref i, options with { DataDirectory = value }),
                "--changed" when TryPercent(value, out var p) => Skip(ref i, options with { ChangedPercent = p }),
                "--flap-every" when TryInts(value, out var f) && f.Length == 1 && f[0] >= 2 => Skip(ref i, options with { FlapEvery = f[0] }),
                var other => options with { Error = $"unknown or incomplete option '{other}'" },
            };
        }

        return options switch
        {
            { Error: not null } => options,
            { Verb: "export", Documents: < 1 } or { Verb: "export", Output: null } => options with { Error = "export needs --docs N and --out FILE" },
            { Verb: "reference-engine" or "reference-app", Input: null } => options with { Error = $"{options.Verb} needs --input FILE" },
            { Verb: "prepare", Documents: < 1 } => options with { Error = "prepare needs --docs N" },
            { Verb: "incremental", Documents: < 1 } => options with { Documents = 10_000 },
            { Verb: "site", Documents: < 1 } => options with { Documents = 200 },
            _ => options,
        };
    }

    private static BenchOptions Skip(ref int i, BenchOptions options)
    {
        i++;
        return options;
    }

    // "1", "1%" or "0.5 %": a share of the documents, above 0 and at most 100.
    private static bool TryPercent(string? text, out double percent) =>
        double.TryParse((text ?? "").TrimEnd('%', ' '), NumberStyles.Float, CultureInfo.InvariantCulture, out percent) && percent is > 0 and <= 100;

    private static bool TryInts(string? text, out int[] values)
    {
        values = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => int.TryParse(t.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .ToArray();
        return values.Length > 0 && values.All(v => v > 0);
    }
}
