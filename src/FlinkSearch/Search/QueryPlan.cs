using FlinkSearch.Indexing;
using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>
/// What one request's text turned into, analysed once: either a parsed Lucene query (the text used Lucene syntax) or
/// concepts with their analysed forms, plus the typed words in order for proximity. Everything later (candidate query,
/// ranking query, marks, the relaxed retry, did-you-mean) is built from this.
/// </summary>
public sealed record QueryPlan(string Text, SynonymSets Synonyms, Query? Parsed, IReadOnlyList<PlannedConcept> Concepts, IReadOnlyList<WordGroup> TypedWords)
{
    public bool IsSyntax => Parsed is not null;
}

/// <summary>A concept with each of its forms analysed; forms that analyse alike appear once (the typed one kept).</summary>
public sealed record PlannedConcept(QueryConcept Concept, IReadOnlyList<PlannedForm> Forms)
{
    public PlannedForm Typed => Forms.FirstOrDefault(form => form.IsTyped) ?? Forms[0];
}

/// <summary>
/// One form of a concept: its whole words (with the pieces of compounds) and, when it is all Han characters, the
/// folded text for the bigram fields.
/// </summary>
public sealed record PlannedForm(string Text, IReadOnlyList<WordGroup> Groups, string? Han, bool IsTyped);

/// <summary>A whole word with its position in the text and the pieces of a compound.</summary>
public sealed record WordGroup(string Whole, IReadOnlyList<string> Parts, int Position);
