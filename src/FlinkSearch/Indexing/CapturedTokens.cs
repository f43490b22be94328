using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace FlinkSearch.Indexing;

/// <summary>
/// The tokens of one field value, analysed ahead of time (on any thread) and replayed to the index writer: the terms,
/// position increments and offsets the inverter and the term vectors read, and the final offset and position increment
/// that <see cref="TokenStream.End"/> reports. Owns its attributes, so replaying never touches the analyzer's reused,
/// per-thread components. Other attributes (type, flags) are not indexed and not kept.
/// </summary>
public sealed class CapturedTokens : TokenStream
{
    private readonly ICharTermAttribute termAttribute;
    private readonly IPositionIncrementAttribute positionAttribute;
    private readonly IOffsetAttribute offsetAttribute;
    private readonly char[] chars;
    private readonly int[] termEnds;
    private readonly int[] increments;
    private readonly int[] starts;
    private readonly int[] ends;
    private readonly int count;
    private readonly int finalOffset;
    private readonly int finalIncrement;
    private int next;

    private CapturedTokens(char[] chars, int[] termEnds, int[] increments, int[] starts, int[] ends, int count, int finalOffset, int finalIncrement)
    {
        termAttribute = AddAttribute<ICharTermAttribute>();
        positionAttribute = AddAttribute<IPositionIncrementAttribute>();
        offsetAttribute = AddAttribute<IOffsetAttribute>();
        (this.chars, this.termEnds, this.increments, this.starts, this.ends) = (chars, termEnds, increments, starts, ends);
        (this.count, this.finalOffset, this.finalIncrement) = (count, finalOffset, finalIncrement);
    }

    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="text"/> as the index writer would and keeps the result.</summary>
    public static CapturedTokens Capture(Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();

        // Sized for the usual case (about a token per two characters once grams and words are counted); grown if not.
        var capacity = Math.Max(16, text.Length / 2);
        var chars = new char[Math.Max(64, text.Length)];
        var termEnds = new int[capacity];
        var increments = new int[capacity];
        var starts = new int[capacity];
        var ends = new int[capacity];
        var count = 0;
        var used = 0;
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (count == termEnds.Length)
            {
                var grown = count * 2;
                Array.Resize(ref termEnds, grown);
                Array.Resize(ref increments, grown);
                Array.Resize(ref starts, grown);
                Array.Resize(ref ends, grown);
            }

            if (used + term.Length > chars.Length)
            {
                Array.Resize(ref chars, Math.Max(chars.Length * 2, used + term.Length));
            }

            Array.Copy(term.Buffer, 0, chars, used, term.Length);
            used += term.Length;
            termEnds[count] = used;
            increments[count] = position.PositionIncrement;
            starts[count] = offset.StartOffset;
            ends[count] = offset.EndOffset;
            count++;
        }

        stream.End();
        return new CapturedTokens(chars, termEnds, increments, starts, ends, count, offset.EndOffset, position.PositionIncrement);
    }

    public override void Reset()
    {
        base.Reset();
        next = 0;
    }

    public override bool IncrementToken()
    {
        if (next >= count)
        {
            return false;
        }

        ClearAttributes();
        var from = next == 0 ? 0 : termEnds[next - 1];
        termAttribute.CopyBuffer(chars, from, termEnds[next] - from);
        positionAttribute.PositionIncrement = increments[next];
        offsetAttribute.SetOffset(starts[next], ends[next]);
        next++;
        return true;
    }

    public override void End()
    {
        base.End();
        offsetAttribute.SetOffset(finalOffset, finalOffset);
        positionAttribute.PositionIncrement = finalIncrement;
    }
}
