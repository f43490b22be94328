using FlinkSearch.Benchmarks;

// Verbs: (none) BenchmarkDotNet suite then measurements · measure · export · reference · prepare. See bench/README.md.
return BenchCommands.Run(args);
