using System.Text;
using FlinkSearch.Crawling;

namespace FlinkSearch.Tests.Crawling;

public sealed class PageDecoderTests
{
    private const string Page = "<html><head><meta charset=\"gbk\"></head><body>流处理与批处理</body></html>";

    static PageDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Gbk_page_is_decoded_from_its_meta_charset() =>
        Assert.Equal(Page, PageDecoder.Decode(Encoding.GetEncoding("gbk").GetBytes(Page), headerCharset: null));

    [Fact]
    public void Header_charset_wins_over_the_meta_tag()
    {
        var gb2312 = Page.Replace("gbk", "utf-8", StringComparison.Ordinal);

        Assert.Equal(gb2312, PageDecoder.Decode(Encoding.GetEncoding("gb2312").GetBytes(gb2312), headerCharset: "GB2312"));
    }

    [Fact]
    public void A_byte_order_mark_wins_and_utf8_is_the_default()
    {
        var text = "<p>窗口</p>";

        Assert.Equal(text, PageDecoder.Decode([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)], headerCharset: "gbk"));
        Assert.Equal(text, PageDecoder.Decode(Encoding.UTF8.GetBytes(text), headerCharset: "no-such-charset"));
        Assert.Equal(text, PageDecoder.Decode(Encoding.UTF8.GetBytes(text), headerCharset: "utf8"));
    }
}
