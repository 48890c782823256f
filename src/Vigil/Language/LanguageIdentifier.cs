namespace Vigil.Language;

/// <summary>
/// Names the language of a text from its commonest function words. News pages are long enough that a few dozen
/// stop words per language separate the languages Vigil meets; when no language clearly wins the answer is null.
/// </summary>
public static class LanguageIdentifier
{
    private static readonly (string Code, HashSet<string> Words)[] Profiles =
    [
        ("en", Set("the of and to in a is that for on was with he it as at by his said from are have has were had but not")),
        ("fr", Set("le la les de des du et un une est dans que qui pour pas sur au aux avec il elle ont été a par")),
        ("es", Set("el la los las de del y en un una que es por con para se al lo como más fue ha han sus")),
        ("de", Set("der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es wurde werden")),
        ("it", Set("il la le di che è un una per non con del della sono gli nel alla anche ha come dei")),
        ("pt", Set("o a os as de do da e um uma que em para com não no na por mais foi são dos das")),
        ("nl", Set("de het een en van in is dat op te zijn met voor niet aan er ook als bij door werd")),
        ("id", Set("yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke oleh ada adalah")),
        ("tr", Set("ve bir bu da de için ile olarak çok daha sonra olan gibi ama en kadar")),
    ];

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);

    public static string? Identify(string text)
    {
        var scores = new int[Profiles.Length];
        var words = 0;
        foreach (var word in Words(text))
        {
            words++;
            for (var i = 0; i < Profiles.Length; i++)
            {
                if (Profiles[i].Words.Contains(word))
                {
                    scores[i]++;
                }
            }

            if (words >= 2000)
            {
                break;
            }
        }

        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        var runnerUp = scores.Where((_, i) => i != best).DefaultIfEmpty(0).Max();
        var confident = words >= 5 && scores[best] >= 3 && scores[best] >= 1.5 * runnerUp && scores[best] * 10 >= words;
        return confident ? Profiles[best].Code : null;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isLetter = i < text.Length && char.IsLetter(text[i]);
            if (isLetter && start < 0)
            {
                start = i;
            }
            else if (!isLetter && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
