using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart.Hhmm;
using Lucene.Net.Analysis.TokenAttributes;

namespace FlinkSearch.Indexing;

/// <summary>
/// Splits mixed Chinese/English text. Runs of Han characters go to SmartCn, except <see cref="DomainTerms"/>, which
/// stay whole. Latin words are cut here, not by SmartCn, so identifiers keep their case for camel-case splitting and
/// are not Porter-stemmed. Punctuation and symbols are dropped.
/// A compound (a domain term, <c>CheckpointCoordinator</c>, <c>exactly-once</c>) comes out as its whole form
/// (type <see cref="WordType"/>) followed by its pieces (type <see cref="PartType"/>, the first at the same position),
/// so it is found whole and by its pieces, and a query can ask for either.
/// </summary>
public sealed class BilingualTokenizer : Tokenizer
{
    public const string WordType = "word";
    public const string PartType = "part";

    private readonly ICharTermAttribute termAttribute;
    private readonly IOffsetAttribute offsetAttribute;
    private readonly IPositionIncrementAttribute positionAttribute;
    private readonly ITypeAttribute typeAttribute;
    private readonly List<PendingToken> tokens = [];
    private readonly List<PendingToken> pieces = [];
    private HHMMSegmenter? segmenter; // made on first Han text: its dictionaries load once per process
    private readonly SegTokenFilter wordFilter = new();
    private int next;
    private int length;

    public BilingualTokenizer(TextReader input) : base(input)
    {
        termAttribute = AddAttribute<ICharTermAttribute>();
        offsetAttribute = AddAttribute<IOffsetAttribute>();
        positionAttribute = AddAttribute<IPositionIncrementAttribute>();
        typeAttribute = AddAttribute<ITypeAttribute>();
    }

    /// <summary>The text being tokenized, as read after the char filters (for filters that look at whole spans).</summary>
    public string Text { get; private set; } = "";

    /// <summary>An offset into <see cref="Text"/> as an offset into the original field value.</summary>
    public int OriginalOffset(int offset) => CorrectOffset(offset);

    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !IsHan(c);

    public override void Reset()
    {
        base.Reset();
        Text = ReadAll(m_input);
        length = Text.Length;
        tokens.Clear();
        next = 0;
        Split(Text);
    }

    public override bool IncrementToken()
    {
        if (next >= tokens.Count)
        {
            return false;
        }

        ClearAttributes();
        var token = tokens[next++];
        termAttribute.SetEmpty().Append(token.Text);
        offsetAttribute.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.End));
        positionAttribute.PositionIncrement = token.PositionIncrement;
        typeAttribute.Type = token.Type;
        return true;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(length);
        offsetAttribute.SetOffset(final, final);
    }

    // Lucene's readers follow Java and answer -1 at the end, which TextReader.ReadToEnd does not expect.
    private static string ReadAll(TextReader reader)
    {
        var text = new System.Text.StringBuilder();
        var buffer = new char[1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    private void Split(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var end = i;
            if (IsHan(text[i]))
            {
                while (end < text.Length && IsHan(text[end]))
                {
                    end++;
                }

                SplitHan(text, i, end);
            }
            else if (IsWordChar(text[i]))
            {
                end = EndOfLatinWord(text, i);
                SplitLatin(text, i, end);
            }
            else
            {
                end = i + 1;
            }

            i = end;
        }
    }

    private void SplitHan(string text, int start, int end)
    {
        var gapStart = start;
        var at = start;
        while (at < end)
        {
            var matched = LongestDomainTerm(text, at, end);
            if (matched == 0)
            {
                at++;
                continue;
            }

            Segment(text, gapStart, at, tokens);
            pieces.Clear();
            Segment(text, at, at + matched, pieces);
            AddCompound(text[at..(at + matched)], at, at + matched);
            at += matched;
            gapStart = at;
        }

        Segment(text, gapStart, end, tokens);
    }

    private static int LongestDomainTerm(string text, int at, int end)
    {
        var lookup = DomainTerms.All.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = Math.Min(DomainTerms.LongestLength, end - at); length >= 2; length--)
        {
            if (lookup.Contains(text.AsSpan(at, length)))
            {
                return length;
            }
        }

        return 0;
    }

    // A run of Han characters is one sentence without punctuation, so SmartCn's tokenizer (a sentence splitter and a
    // reader around its segmenter) adds nothing but cost: calling the segmenter gives the same words for about a tenth
    // less CPU per article. Its first and last tokens mark the sentence's start and end.
    private void Segment(string text, int start, int end, List<PendingToken> into)
    {
        if (start >= end)
        {
            return;
        }

        segmenter ??= new HHMMSegmenter();
        var words = segmenter.Process(text[start..end]);
        for (var i = 1; i < words.Count - 1; i++)
        {
            var word = wordFilter.Filter(words[i]);
            into.Add(new PendingToken(new string(word.CharArray), start + word.StartOffset, start + word.EndOffset, 1, WordType));
        }
    }

    // A Latin word runs over letters and digits, joined by single '-' or '_' (exactly-once, end_to_end).
    private static int EndOfLatinWord(string text, int start)
    {
        var end = start;
        while (end < text.Length)
        {
            if (IsWordChar(text[end]))
            {
                end++;
            }
            else if (text[end] is '-' or '_' && end + 1 < text.Length && IsWordChar(text[end + 1]))
            {
                end += 2;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    private void SplitLatin(string text, int start, int end)
    {
        pieces.Clear();
        var pieceStart = start;
        for (var i = start + 1; i <= end; i++)
        {
            if (i == end || text[i] is '-' or '_' || IsCaseBoundary(text, i))
            {
                if (i > pieceStart)
                {
                    pieces.Add(new PendingToken(text[pieceStart..i], pieceStart, i, 1, PartType));
                }

                pieceStart = i < end && text[i] is '-' or '_' ? i + 1 : i;
            }
        }

        AddCompound(string.Concat(pieces.Select(piece => piece.Text)), start, end);
    }

    // keyBy → key|By; HTTPServer → HTTP|Server; digits stay with their letters (k8s, 4W).
    private static bool IsCaseBoundary(string text, int i) =>
        char.IsUpper(text[i]) && (char.IsLower(text[i - 1]) || (char.IsUpper(text[i - 1]) && i + 1 < text.Length && char.IsLower(text[i + 1])));

    private void AddCompound(string whole, int start, int end)
    {
        tokens.Add(new PendingToken(whole, start, end, 1, WordType));
        if (pieces.Count < 2)
        {
            return;
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            tokens.Add(pieces[i] with { PositionIncrement = i == 0 ? 0 : 1, Type = PartType });
        }
    }

    private readonly record struct PendingToken(string Text, int Start, int End, int PositionIncrement, string Type);
}
