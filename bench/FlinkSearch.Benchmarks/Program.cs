using FlinkSearch.Benchmarks;

// Verbs: (none) BenchmarkDotNet suite then measurements · measure · export · reference-engine · reference-app · prepare. See bench/README.md.
return BenchCommands.Run(args);
