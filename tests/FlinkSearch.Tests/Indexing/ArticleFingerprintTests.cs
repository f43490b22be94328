using System.Reflection;
using FlinkSearch.Indexing;

namespace FlinkSearch.Tests.Indexing;

public sealed class ArticleFingerprintTests
{
    private static readonly IndexableArticle Article = new(
        "id1", "https://example.org/a", "标题 Checkpoint", ["容错", "状态"], "备注", "flink", 3, ArticleStatus.Ok,
        Body: "正文", Author: "作者", Account: "公众号", PublishedAt: DateTimeOffset.UnixEpoch, CrawledAt: DateTimeOffset.UnixEpoch.AddDays(1));

    [Fact]
    public void Equal_articles_have_equal_fingerprints()
    {
        var copy = Article with { Sections = [.. Article.Sections], Body = new string(Article.Body!.ToCharArray()) };

        Assert.Equal(ArticleFingerprint.Compute(Article), ArticleFingerprint.Compute(copy));
        Assert.NotEqual(0, ArticleFingerprint.Compute(Article));
    }

    // Every input of the document counts: a property added to IndexableArticle later fails this test until the
    // fingerprint hashes it too (otherwise an article changed only there would be carried over unchanged).
    [Fact]
    public void Every_property_of_the_article_changes_the_fingerprint()
    {
        var properties = typeof(IndexableArticle).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        Assert.True(properties.Count >= 13, string.Join(", ", properties.Select(p => p.Name)));
        foreach (var property in properties)
        {
            var changed = Clone(Article);
            property.SetValue(changed, Different(property.GetValue(Article), property.PropertyType));

            Assert.True(ArticleFingerprint.Compute(Article) != ArticleFingerprint.Compute(changed), $"{property.Name} is not part of the fingerprint");
        }
    }

    [Fact]
    public void Values_moved_between_fields_or_sections_change_the_fingerprint()
    {
        Assert.NotEqual(ArticleFingerprint.Compute(Article with { Author = "ab", Account = "c" }), ArticleFingerprint.Compute(Article with { Author = "a", Account = "bc" }));
        Assert.NotEqual(ArticleFingerprint.Compute(Article with { Sections = ["ab", "c"] }), ArticleFingerprint.Compute(Article with { Sections = ["a", "bc"] }));
        Assert.NotEqual(ArticleFingerprint.Compute(Article with { Note = null }), ArticleFingerprint.Compute(Article with { Note = "" }));
    }

    private static IndexableArticle Clone(IndexableArticle article) =>
        (IndexableArticle)typeof(IndexableArticle).GetMethod("<Clone>$")!.Invoke(article, null)!;

    private static object? Different(object? value, Type type) => value switch
    {
        string text => text + "改",
        int number => number + 1,
        DateTimeOffset date => date.AddSeconds(1),
        IReadOnlyList<string> list => list.Append("新").ToList(),
        null when type == typeof(string) => "新",
        null => DateTimeOffset.UnixEpoch,
        _ => throw new InvalidOperationException($"No different value for a {type}: extend this test with the new property's type."),
    };
}
