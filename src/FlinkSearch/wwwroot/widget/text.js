// The words the widget shows, in one place.

const TEXT = {
  placeholder: "搜索 Flink 文章",
  dialogLabel: "搜索 Flink 文章",
  results: "搜索结果",
  filters: "按栏目筛选",
  accountFilters: "按公众号筛选",
  newest: "最新",
  newestLabel: "按发布时间排序，最新的在前",
  dates: (from, to) => from && to ? `${from} 至 ${to}` : from ? `${from} 起` : `至 ${to}`,
  clearDates: (label) => `清除日期筛选：${label}`,
  all: "全部",
  loading: "正在搜索…",
  loadMore: "加载更多",
  idle: "输入关键词开始搜索，例如 Checkpoint、窗口、Watermark",
  found: (n) => `找到 ${n} 篇文章`,
  empty: (q) => `没有找到与“${q}”相关的文章`,
  emptyHint: "换个关键词试试，或者用更短的词、英文术语（如 Checkpoint）。",
  error: "搜索服务暂时不可用，请稍后再试。",
  notReady: "索引正在建立，请稍后再试。",
  badQuery: "这个搜索词无法处理，请换一个试试。",
  retry: "重试",
  close: "Esc 关闭",
  didYouMean: "你是不是要找：",
  suggestions: "联想：",
  stale: "旧版本",
  related: "相关文章",
  hint: "↑ ↓ 选择　Enter 打开　Esc 关闭",
  poweredBy: "FlinkSearch",
};

const dateFormat = new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Shanghai" });
