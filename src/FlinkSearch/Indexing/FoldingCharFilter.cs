using Lucene.Net.Analysis;

namespace FlinkSearch.Indexing;

/// <summary>Applies <see cref="CharacterFolding"/> to the text an analyzer reads; one character in, one out.</summary>
public sealed class FoldingCharFilter(TextReader input) : CharFilter(input)
{
    public override int Read(char[] buffer, int index, int count)
    {
        var read = m_input.Read(buffer, index, count);
        if (read > 0)
        {
            CharacterFolding.Fold(buffer.AsSpan(index, read));
        }

        return read;
    }

    public override int Read()
    {
        var c = m_input.Read();
        return c < 0 ? c : CharacterFolding.Fold((char)c);
    }

    // Folding is one-for-one, so offsets need no correction.
    protected override int Correct(int currentOff) => currentOff;
}
