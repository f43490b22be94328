namespace FlinkSearch.Indexing;

/// <summary>
/// The text a synonym entry is matched against: letters and digits only, folded and lower-cased, with where each key
/// character came from. Queries and index builds match entries the same way, so a query's concept and the concept
/// tokens of an index agree.
/// </summary>
public readonly record struct SynonymKeys(string Text, string Key, int[] Origin)
{
    public static SynonymKeys Of(string text)
    {
        var key = new char[text.Length];
        var origin = new int[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var folded = CharacterFolding.Fold(text[i]);
            if (char.IsLetterOrDigit(folded))
            {
                key[n] = char.ToLowerInvariant(folded);
                origin[n++] = i;
            }
        }

        return new SynonymKeys(text, new string(key, 0, n), origin[..n]);
    }

    public int Length => Key.Length;

    /// <summary>The text offset where key character <paramref name="k"/> starts.</summary>
    public int StartOf(int k) => Origin[k];

    /// <summary>The text offset just after key character <paramref name="k"/> − 1, i.e. the end of a key span ending at k.</summary>
    public int EndOf(int k) => Origin[k - 1] + 1;

    /// <summary>
    /// True where an entry may start or end: Han text has no word boundaries to respect; Latin words end at a separator,
    /// a script change or a case change.
    /// </summary>
    public bool IsBoundary(int k)
    {
        if (k == 0 || k == Key.Length || BilingualTokenizer.IsHan(Key[k]) || BilingualTokenizer.IsHan(Key[k - 1]))
        {
            return true;
        }

        return Origin[k] - Origin[k - 1] > 1 || (char.IsUpper(Text[Origin[k]]) && char.IsLower(Text[Origin[k - 1]]));
    }

    /// <summary>
    /// Where a Latin entry ending at <paramref name="k"/> (not a boundary) really ends when only a plural ending
    /// follows (<c>checkpoint</c> in <c>checkpoints</c>), as the analyzers' plural stripping would treat it; else -1.
    /// </summary>
    public int PluralEnd(int k)
    {
        if (k == 0 || !char.IsAsciiLetter(Key[k - 1]))
        {
            return -1;
        }

        foreach (var ending in (ReadOnlySpan<string>)["s", "es"])
        {
            var end = k + ending.Length;
            if (end <= Key.Length && Key.AsSpan(k, ending.Length).SequenceEqual(ending) && IsBoundary(end))
            {
                return end;
            }
        }

        return -1;
    }
}
