using System.Text.RegularExpressions;

namespace FlinkSearch.Crawling;

/// <summary>
/// The rules of one robots.txt for our user agent (RFC 9309): the group naming our product token, else the <c>*</c>
/// group; the longest matching Allow/Disallow path wins, Allow on a tie; <c>*</c> and <c>$</c> patterns are supported.
/// </summary>
public sealed class RobotsRules
{
    public static readonly RobotsRules AllowAll = new([]);
    public static readonly RobotsRules DisallowAll = new([new Rule(false, "/", new Regex("^/", RegexOptions.None, TimeSpan.FromSeconds(1)))]);

    private readonly IReadOnlyList<Rule> rules;

    private RobotsRules(IReadOnlyList<Rule> rules) => this.rules = rules;

    public static RobotsRules Parse(string text, string productToken)
    {
        var groups = new List<(List<string> Agents, List<Rule> Rules)>();
        (List<string> Agents, List<Rule> Rules)? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!lastWasAgent || current is null)
                {
                    current = ([], []);
                    groups.Add(current.Value);
                }

                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (current is null || (key != "allow" && key != "disallow") || value.Length == 0)
            {
                continue;
            }

            current.Value.Rules.Add(new Rule(key == "allow", value, ToRegex(value)));
        }

        var token = productToken.ToLowerInvariant();
        var mine = groups.Where(g => g.Agents.Any(a => a != "*" && token.Contains(a, StringComparison.Ordinal))).ToList();
        var chosen = mine.Count > 0 ? mine : groups.Where(g => g.Agents.Contains("*")).ToList();
        return new RobotsRules(chosen.SelectMany(g => g.Rules).ToList());
    }

    public bool IsAllowed(string pathAndQuery)
    {
        var path = string.IsNullOrEmpty(pathAndQuery) ? "/" : Uri.UnescapeDataString(pathAndQuery);
        var best = rules.Where(r => r.Pattern.IsMatch(path))
            .OrderByDescending(r => r.Path.Length)
            .ThenByDescending(r => r.Allow)
            .FirstOrDefault();
        return best?.Allow ?? true;
    }

    private static Regex ToRegex(string path)
    {
        var anchored = path.EndsWith('$');
        var body = Regex.Escape(Uri.UnescapeDataString(anchored ? path[..^1] : path)).Replace(@"\*", ".*", StringComparison.Ordinal);
        return new Regex("^" + body + (anchored ? "$" : ""), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private sealed record Rule(bool Allow, string Path, Regex Pattern);
}
