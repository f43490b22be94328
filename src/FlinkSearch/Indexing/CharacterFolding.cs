using System.Collections.Frozen;

namespace FlinkSearch.Indexing;

/// <summary>
/// One-for-one character folding applied before any segmentation: full-width forms to ASCII and Traditional
/// Chinese characters to Simplified, so <c>檢查點</c> and <c>ＣＨＥＣＫＰＯＩＮＴ</c> index like their usual forms.
/// Folding never changes the length of the text, so token offsets stay valid for highlighting.
/// </summary>
public static class CharacterFolding
{
    // Pairs of Traditional → Simplified; not a full conversion table (no ICU transliterator is served here),
    // but the common characters of technical writing plus this domain's vocabulary.
    private const string TraditionalSimplified =
        "檢检點点據据數数時时間间視视處处狀状態态後后樣样應应發发實实現现計计機机類类為为這这個个們们來来對对於于與与從从" +
        "會会過过還还進进運运動动滾滚務务條条鏈链關关閉闭開开啟启設设儲储備备寫写讀读錯错誤误輸输側侧轉转換换結结構构體体" +
        "係系統统離离線线緩缓衝冲壓压縮缩濾滤連连廣广變变區区佈布劃划隨随勻匀傾倾調调資资組组職职責责語语義义兩两階阶協协" +
        "議议準准確确觸触鍵键值值維维護护遲迟亂乱網网絡络問问題题決决辦办長长詳详細细碼码學学習习筆笔記记礎础門门麼么種种" +
        "優优勢势別别東东車车書书術术標标級级選选項项費费產产訂订閱阅圖图層层檔档監监報报測测試试環环叢丛節节負负載载單单" +
        "並并傳传遞递歸归約约簡简專专業业經经驗验規规則则擴扩彈弹較较頻频敗败執执聯联彙汇總总員员萬万億亿雙双邊边隊队頁页" +
        "頭头鎖锁號号庫库欄栏鐘钟紀纪錄录歷历憶忆樞枢紐纽嗎吗飛飞訊讯達达內内嚴严謹谨觀观邏逻輯辑證证權权認认戶户帳账倉仓" +
        "塊块盤盘緒绪續续斷断舊旧遷迁撥拨極极雜杂複复製制參参範范圍围聽听說说話话講讲譯译詞词當当綜综論论討讨師师營营銷销" +
        "靜静異异順顺損损壞坏丟丢棄弃淨净潔洁場场適适擇择舉举紹绍僅仅際际價价質质穩稳靈灵寬宽窮穷瀏浏覽览與与輕轻鬆松極极" +
        "態态視视頻频級级廠厂燈灯爐炉貨货幣币銀银錢钱購购買买賣卖價价額额帶带腦脑電电腳脚處处聲声響响顯显禮礼遠远邏逻週周" +
        "準准確确龍龙駕驾驅驱態态彙汇鍊炼糾纠緊紧軟软碩硕體体隻只臺台灣湾醫医藥药衛卫導导啓启這这屬属嘗尝試试憑凭";

    private static readonly FrozenDictionary<char, char> ToSimplified = BuildPairs();

    public static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        < '\u3400' => c,
        _ => ToSimplified.TryGetValue(c, out var simplified) ? simplified : c,
    };

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = Fold(source[i]);
        }
    });

    public static void Fold(Span<char> chars)
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Fold(chars[i]);
        }
    }

    private static FrozenDictionary<char, char> BuildPairs()
    {
        var pairs = new Dictionary<char, char>();
        for (var i = 0; i + 1 < TraditionalSimplified.Length; i += 2)
        {
            if (TraditionalSimplified[i] != TraditionalSimplified[i + 1])
            {
                pairs[TraditionalSimplified[i]] = TraditionalSimplified[i + 1];
            }
        }

        return pairs.ToFrozenDictionary();
    }
}
