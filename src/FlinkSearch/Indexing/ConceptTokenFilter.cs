using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace FlinkSearch.Indexing;

/// <summary>
/// Adds a concept token (<see cref="SynonymSets.TokenOf"/>) for every synonym entry found in the field's text, at the
/// position of the first word that starts inside the entry and spanning the entry's characters, so that a search for
/// the concept is one term and its marks cover the whole form the article used. Index-time only: queries look the
/// concept up themselves.
/// </summary>
public sealed class ConceptTokenFilter : TokenFilter
{
    public const string ConceptType = "concept";

    private readonly BilingualTokenizer source;
    private readonly ConceptTagger tagger;
    private readonly ICharTermAttribute termAttribute;
    private readonly IOffsetAttribute offsetAttribute;
    private readonly IPositionIncrementAttribute positionAttribute;
    private readonly ITypeAttribute typeAttribute;
    private readonly Queue<(string Token, int Start, int End)> pending = [];
    private List<ConceptMatch>? matches;
    private int nextMatch;
    private State? heldWord;
    private bool emitted;

    public ConceptTokenFilter(TokenStream input, BilingualTokenizer source, ConceptTagger tagger) : base(input)
    {
        this.source = source;
        this.tagger = tagger;
        termAttribute = AddAttribute<ICharTermAttribute>();
        offsetAttribute = AddAttribute<IOffsetAttribute>();
        positionAttribute = AddAttribute<IPositionIncrementAttribute>();
        typeAttribute = AddAttribute<ITypeAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        matches = null;
        nextMatch = 0;
        pending.Clear();
        heldWord = null;
        emitted = false;
    }

    public override bool IncrementToken()
    {
        matches ??= tagger.Find(source.Text);
        if (pending.Count > 0)
        {
            EmitConcept(positionIncrement: 0);
            return true;
        }

        if (heldWord is { } word)
        {
            // The word after the concepts that start before it, at the same position.
            RestoreState(word);
            heldWord = null;
            positionAttribute.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return EmitRemaining();
        }

        // Entries that start at or before this word go first (offsets may never go backwards), taking its position.
        Queue(upTo: offsetAttribute.StartOffset);
        if (pending.Count == 0)
        {
            emitted = true;
            return true;
        }

        heldWord = CaptureState();
        EmitConcept(positionAttribute.PositionIncrement);
        return true;
    }

    private bool EmitRemaining()
    {
        // Entries after the last word (its words removed as stop words, say) still count, at the last position.
        Queue(upTo: int.MaxValue);
        if (pending.Count == 0)
        {
            return false;
        }

        ClearAttributes();
        EmitConcept(emitted ? 0 : 1);
        return true;
    }

    private void Queue(int upTo)
    {
        while (nextMatch < matches!.Count && source.OriginalOffset(matches[nextMatch].Start) <= upTo)
        {
            var match = matches[nextMatch++];
            foreach (var set in match.SetIndexes)
            {
                pending.Enqueue((tagger.Sets.TokenOf(set), source.OriginalOffset(match.Start), source.OriginalOffset(match.End)));
            }
        }
    }

    private void EmitConcept(int positionIncrement)
    {
        var (token, start, end) = pending.Dequeue();
        termAttribute.SetEmpty().Append(token);
        offsetAttribute.SetOffset(start, end);
        positionAttribute.PositionIncrement = positionIncrement;
        typeAttribute.Type = ConceptType;
        emitted = true;
    }
}
