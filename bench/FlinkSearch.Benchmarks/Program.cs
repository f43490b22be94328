using FlinkSearch.Benchmarks;

// Verbs: (none) BenchmarkDotNet suite then measurements · measure · export · reference-engine · reference-app · prepare · incremental · analytics · open · site. See docs/benchmarks.md.
return BenchCommands.Run(args);
