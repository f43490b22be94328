using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace FlinkSearch.Search;

/// <summary>
/// Every boost and threshold of the ranking, in one place: bound from the <c>Ranking</c> configuration section with
/// these defaults, read by the query code and the benchmark, and printed in docs/relevance.md (a test keeps that
/// table equal to these values). Scores add up: a hit's score is its candidate score (catch-all and title) plus its
/// ranking score (the other fields, exact forms and proximity), both unnormalised TF-IDF.
/// </summary>
public sealed record RankingWeights
{
    public const string ConfigSection = "Ranking";

    public static readonly RankingWeights Default = new();

    [Description("A concept in the title, next to 1 for the catch-all (body, sections, note, names).")]
    [Range(0, 100)]
    public float Title { get; init; } = 4f;

    [Description("A concept in a section heading the article is listed under.")]
    [Range(0, 100)]
    public float Section { get; init; } = 2f;

    [Description("A concept in the note written next to the link.")]
    [Range(0, 100)]
    public float Note { get; init; } = 2f;

    [Description("A concept in the author or account name.")]
    [Range(0, 100)]
    public float Name { get; init; } = 1f;

    [Description("The form the user typed (not a synonym of it) in the title.")]
    [Range(0, 100)]
    public float ExactTitle { get; init; } = 0.3f;

    [Description("The form the user typed (not a synonym of it) in the catch-all.")]
    [Range(0, 100)]
    public float ExactBody { get; init; } = 0.3f;

    [Description("A synonym form next to the typed one, when an index predates the synonyms file and forms are searched one by one.")]
    [Range(0, 1)]
    public float Equivalent { get; init; } = 0.85f;

    [Description("A compound's pieces close together, or a form of several words with a stop word between, in the title: its score as a share of the squared rarity of the concept token (a title match of the token scores about 0.3 to 0.5 of it).")]
    [Range(0, 1)]
    public float Loose { get; init; } = 0.1f;

    [Description("The typed words close together in the title.")]
    [Range(0, 100)]
    public float TitleProximity { get; init; } = 3f;

    [Description("The typed words close together in the note.")]
    [Range(0, 100)]
    public float NoteProximity { get; init; } = 1.5f;

    [Description("The typed words close together in the catch-all.")]
    [Range(0, 100)]
    public float BodyProximity { get; init; } = 1f;

    [Description("Word distance allowed by the title and note proximity boosts.")]
    [Range(0, 50)]
    public int TitleSlop { get; init; } = 2;

    [Description("Word distance allowed by the catch-all proximity boost.")]
    [Range(0, 50)]
    public int BodySlop { get; init; } = 6;

    [Description("Word distance allowed between the pieces of a compound (checkpoint coordinator for CheckpointCoordinator) in titles.")]
    [Range(0, 50)]
    public int PiecesSlop { get; init; } = 2;

    [Description("How many of the best candidates the ranking score reorders; the rest follow in candidate order.")]
    [Range(10, 1000)]
    public int RescoreDepth { get; init; } = 100;

    [Description("A word in more than this share of titles (Flink) adds to the score but is not required.")]
    [Range(0, 1)]
    public double CommonShare { get; init; } = 0.4;

    [Description("An author or account word on more than this share of articles is not searched there.")]
    [Range(0, 1)]
    public double UninformativeShare { get; init; } = 0.5;

    [Description("Below this many hits with most of the concepts, the hits with any of them follow.")]
    [Range(0, 1000)]
    public int RelaxBelow { get; init; } = 10;

    [Description("Below this many hits a search also tries a spelling correction.")]
    [Range(0, 100)]
    public int FewHits { get; init; } = 3;
}
