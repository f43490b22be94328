using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Search;

/// <summary>docs/relevance.md prints every ranking setting with its default, range and meaning; the table must say what the code does.</summary>
public sealed partial class RankingWeightsDocTests
{
    [Fact]
    public void The_documented_table_equals_the_settings_and_their_defaults()
    {
        var documented = Rows(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "relevance.md")));
        var settings = typeof(RankingWeights).GetProperties(BindingFlags.Public | BindingFlags.Instance);

        Assert.Equal(settings.Select(p => p.Name).Order(), documented.Keys.Order());
        foreach (var setting in settings)
        {
            var row = documented[setting.Name];
            var range = setting.GetCustomAttribute<RangeAttribute>()!;
            Assert.Equal(Convert.ToString(setting.GetValue(RankingWeights.Default), CultureInfo.InvariantCulture), row.Default);
            Assert.Equal($"{range.Minimum}–{range.Maximum}", row.Range);
            Assert.Equal(setting.GetCustomAttribute<DescriptionAttribute>()!.Description, row.Meaning);
        }
    }

    private static Dictionary<string, (string Default, string Range, string Meaning)> Rows(string markdown) =>
        TableRow().Matches(markdown).ToDictionary(
            match => match.Groups["name"].Value,
            match => (match.Groups["default"].Value, match.Groups["range"].Value, match.Groups["meaning"].Value));

    [GeneratedRegex(@"^\| `Ranking:(?<name>\w+)` \| (?<default>[^|]+) \| (?<range>[^|]+) \| (?<meaning>.+) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
