using System.Globalization;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;
using Lucene.Net.Index;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Relevance;

/// <summary>
/// How precise the typo answers are, measured over the seed catalog: no judged query may be corrected (a correction
/// there would replace what the reader meant), and Chinese terms with one character replaced at random must mostly
/// come back as the term. The figures are in the test output (<c>--output Detailed</c>).
/// </summary>
public sealed class TypoCorrectionTests(TypoCorrectionTests.Catalog catalog, ITestOutputHelper output) : IClassFixture<TypoCorrectionTests.Catalog>
{
    // Measured when the Chinese corrections were added (docs/relevance.md, "Typo answers").
    private const double HanRecallFloor = 0.85;
    private const double HanMiscorrectionCeiling = 0.08;

    // Common characters a slip of the input method puts in place of the right one.
    private const string Replacements =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系";

    [Fact]
    public void No_judged_query_is_corrected()
    {
        var search = catalog.Search;
        var corrected = JudgedQuery.Load(JudgedQuery.FilePath)
            .Select(query => search.Search(new SearchRequest(query.Query)))
            .Where(response => response.CorrectedFrom is not null)
            .Select(response => $"{response.CorrectedFrom} → {response.Query}")
            .ToList();

        Assert.Empty(corrected);
    }

    [Fact]
    public void Chinese_terms_with_one_wrong_character_are_answered_with_the_term()
    {
        var search = catalog.Search;
        var synonyms = catalog.Services.GetRequiredService<SynonymDictionary>().Current;
        var random = new Random(20261201);
        int tried = 0, recovered = 0, wrong = 0, missed = 0;
        var wrongOnes = new List<string>();
        foreach (var term in HanTerms(synonyms, catalog.Services.GetRequiredService<ServingIndex>()))
        {
            var equivalents = synonyms.VariantsOf(term)?.Select(SynonymSets.KeyOf).ToHashSet(StringComparer.Ordinal) ?? [term];
            if (search.Search(new SearchRequest(term)).Total == 0)
            {
                continue;
            }

            for (var attempt = 0; attempt < 4; attempt++)
            {
                var at = random.Next(term.Length);
                var typo = string.Concat(term.AsSpan(0, at), Replacements[random.Next(Replacements.Length)].ToString(), term.AsSpan(at + 1));
                if (typo == term || synonyms.VariantsOf(typo) is not null || search.Search(new SearchRequest(typo, Correct: false)).Total > 0)
                {
                    continue; // another real word, or one the index holds: not a typo anything could tell
                }

                tried++;
                var response = search.Search(new SearchRequest(typo));
                if (response.CorrectedFrom is null)
                {
                    missed++;
                }
                else if (equivalents.Contains(SynonymSets.KeyOf(response.Query)))
                {
                    recovered++;
                }
                else
                {
                    wrong++;
                    wrongOnes.Add($"{typo} → {response.Query} (meant {term})");
                }
            }
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Han typos: {tried} tried, {recovered} answered with the term ({(double)recovered / tried:P1}), {wrong} with another word, {missed} not corrected");
        output.WriteLine(summary);
        output.WriteLine(string.Join('\n', wrongOnes));
        Assert.True(tried >= 40, summary);
        Assert.True((double)recovered / tried >= HanRecallFloor && (double)wrong / tried <= HanMiscorrectionCeiling, summary);
    }

    // The Chinese terms of three or four characters the synonym sets and the catalog's titles know.
    private static IEnumerable<string> HanTerms(SynonymSets synonyms, ServingIndex serving)
    {
        var terms = synonyms.Sets.SelectMany(set => set).Select(SynonymSets.KeyOf).Where(HanWords.IsWord).ToHashSet(StringComparer.Ordinal);
        Assert.True(serving.TryAcquire(out var lease));
        using (lease)
        {
            var titles = MultiFields.GetTerms(lease.Searcher.IndexReader, IndexFields.Title).GetEnumerator();
            while (titles.MoveNext())
            {
                var word = titles.Term.Utf8ToString();
                if (HanWords.IsWord(word))
                {
                    terms.Add(word);
                }
            }
        }

        return terms.Order(StringComparer.Ordinal);
    }

    /// <summary>One host over the seed catalog for the class.</summary>
    public sealed class Catalog : IAsyncLifetime
    {
        private readonly TempDataDirectory data = new();
        private FlinkSearchApp? app;

        public IServiceProvider Services => app!.Services;

        public SearchService Search => Services.GetRequiredService<SearchService>();

        public async ValueTask InitializeAsync()
        {
            app = new FlinkSearchApp(data);
            await app.StartAsync(TestContext.Current.CancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            data.Dispose();
        }
    }
}
