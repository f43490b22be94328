namespace FlinkSearch.Indexing;

/// <summary>The version of the index's field layout, recorded in every generation.</summary>
public static class IndexFormat
{
    /// <summary>
    /// Bump whenever what a document holds changes (fields added, removed or renamed, how a field is indexed or stored):
    /// the next build is then full instead of carrying over documents written in the old layout.
    /// </summary>
    public const int Version = 3;
}
