using System.Text.RegularExpressions;

namespace Vigil.Events;

/// <summary>One attribution in the text: who says so, where the claim stands, and the claim itself.</summary>
internal sealed record SourceMention(TextSpan Span, SourceClaim Claim);

/// <summary>
/// Finds who says so: "X said", "according to X", "X reported", "X told Reuters", hedges ("reportedly", "is understood
/// to", "allegedly", "claimed"), and resolves later short references ("The Observatory said", "the London-based rights
/// monitor said") to the full name introduced earlier. An acronym defined in brackets ("Valley Voices Are Not
/// Silent (VVANS)") is matched to its long form by initials, so either spelling resolves to one source.
/// </summary>
internal static partial class SourceFinder
{
    [GeneratedRegex(@"\baccording\s+to\s+(?<who>(?:the\s+|a\s+|an\s+)?(?:[\w'’.-]+\s+){0,8}?[\w'’.)-]+?)(?=\s*(?:[,.;:”""]|\s+(?:who|which|that|on|in|and|as|at)\b|$))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccordingTo();

    /// <summary>
    /// A subject and its verb of saying ("the army said", "officials have confirmed"); the verbs are a word class
    /// (<see cref="WordClasses.SayingVerbs"/>), matched as written, so a capitalised "Said" opening a name is no verb.
    /// </summary>
    private static Regex SubjectVerb() => SubjectVerbPattern.Value;

    private static readonly Lazy<Regex> SubjectVerbPattern = new(() => new Regex(
        @"(?<who>(?:[Tt]he\s+|[Aa]n?\s+)?(?:[\w'’().-]+\s+){0,9}?[\w'’().-]+?)\s+(?:(?:has|had|have)\s+)?(?<verb>" + WordClasses.SayingVerbs + @")\b",
        WordClasses.Options & ~RegexOptions.IgnoreCase));

    /// <summary>A source another reports ("Reuters quoted police as saying", "it cited the Air Force as stating").</summary>
    [GeneratedRegex(@"\b(?<verb>cit(?:ed|es|ing)|quot(?:ed|es|ing))\s+(?<who>(?:the\s+|a\s+|an\s+)?(?:[\w'’.-]+\s+){0,6}?[\w'’.)-]+?)\s+as\s+(?:saying|stating|telling|reporting|claiming|confirming)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuotedAsSaying();

    [GeneratedRegex(@"(?<long>(?:[A-Z][\w'’-]*\s+(?:(?:is|of|the|for|and|in|on|al)\s+)*){1,9})\((?<acr>[A-Z]{2,8})\)", RegexOptions.CultureInvariant)]
    private static partial Regex AcronymDefinition();

    /// <summary>
    /// The kinds of source by the words of a name, the first that has a word deciding: word classes, tried in this order.
    /// Read on first use, so that a lexicon file at fault is reported as itself rather than as this type's failure.
    /// </summary>
    private static (Regex Pattern, SourceKind Kind)[] Kinds => KindClasses.Value;

    private static readonly Lazy<(Regex Pattern, SourceKind Kind)[]> KindClasses = new(() =>
    [
        (WordClasses.ActivistSource, SourceKind.ActivistGroup),
        (WordClasses.MonitorSource, SourceKind.Monitor),
        (WordClasses.MilitarySource, SourceKind.Military),
        (WordClasses.GovernmentSource, SourceKind.Government),
        (WordClasses.WitnessSource, SourceKind.Witness),
        (WordClasses.MediaSource, SourceKind.Media),
    ]);

    /// <summary>Every attribution in the document, in order, with short references resolved to earlier full names.</summary>
    public static List<SourceMention> Find(Document document)
    {
        var text = document.Text;
        var acronyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in AcronymDefinition().Matches(text))
        {
            if (LongFormByInitials(match.Groups["long"].Value, match.Groups["acr"].Value) is { } longForm)
            {
                acronyms[match.Groups["acr"].Value] = longForm;
            }
        }

        var found = new List<SourceMention>();
        foreach (var sentence in Sentences(document))
        {
            var sentenceText = text.Substring(sentence.Start, sentence.Length);
            var hedged = WordClasses.Hedge.IsMatch(sentenceText);
            foreach (Match match in AccordingTo().Matches(sentenceText))
            {
                Add(found, acronyms, sentence.Start + match.Groups["who"].Index, match.Groups["who"].Value, "according to", hedged, match.Groups["who"].Value);
            }

            foreach (Match match in QuotedAsSaying().Matches(sentenceText))
            {
                Add(found, acronyms, sentence.Start + match.Groups["who"].Index, match.Groups["who"].Value, match.Groups["verb"].Value.ToLowerInvariant(), hedged, match.Groups["who"].Value);
            }

            foreach (Match match in SubjectVerb().Matches(sentenceText))
            {
                var who = LastNounPhrase(match.Groups["who"].Value);
                var objectFollows = Regex.IsMatch(sentenceText[(match.Index + match.Length)..], @"^\s+(?:his|her|their|him|them|the|a|an|its)\b", RegexOptions.IgnoreCase);
                if (who.Length > 0 && !objectFollows)
                {
                    var verb = match.Groups["verb"].Value.ToLowerInvariant();
                    var offset = sentence.Start + match.Groups["who"].Index + match.Groups["who"].Value.LastIndexOf(who, StringComparison.Ordinal);
                    Add(found, acronyms, offset, who, verb, hedged || verb is "claimed" or "claims" or "alleged", match.Groups["who"].Value);
                }
            }
        }

        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return found;
    }

    private static IEnumerable<TextSpan> Sentences(Document document) =>
        document.Sentences.Count > 0 ? document.Sentences : [new TextSpan(0, document.Text.Length)];

    /// <summary>The speaker is the noun phrase just before the verb: cut at the last clause break and drop what precedes a
    /// clause-internal verb, so "The commander ... after a long siege, the army's Western Command said" gives the Command.</summary>
    private static string LastNounPhrase(string words)
    {
        var cut = Math.Max(Math.Max(words.LastIndexOf(','), words.LastIndexOf('”')), Math.Max(words.LastIndexOf('"'), words.LastIndexOf(';')));
        var phrase = (cut >= 0 ? words[(cut + 1)..] : words).Trim();
        var verb = Regex.Match(phrase, @"^.*\b(?:is|was|were|are|has|had|have|that|who|which|and|but|when|while|after|before|because|as|if)\s+", RegexOptions.IgnoreCase);
        if (verb.Success)
        {
            phrase = phrase[verb.Length..];
        }

        phrase = phrase.Trim();
        // "It was reported", "he was said to be": a passive verb of saying names no speaker.
        if (Regex.IsMatch(phrase, @"\b(?:was|were|is|are|be|been|being)$", RegexOptions.IgnoreCase))
        {
            return string.Empty;
        }

        // "They also said", "Sirhan later claimed": an adverb between speaker and verb is not the speaker's name.
        phrase = SpeakerAdverbs().Replace(phrase, string.Empty).Trim();
        if (phrase.Length == 0 || Regex.IsMatch(phrase, @"^(?:he|she|it|they|we|i|you|this|that|there|which|who|one|some|many|others?|it\s+is)$", RegexOptions.IgnoreCase))
        {
            return string.Empty;
        }

        // A speaker is a name or a descriptor noun, never a clause: refuse phrases with lower-case verbs in past tense.
        return phrase.Split(' ').Length <= 9 && !Regex.IsMatch(phrase, @"\b\w+ed\s+(?:the|a|an|his|her|to|by|in)\b") ? phrase : string.Empty;
    }

    [GeneratedRegex(@"(?:\s+(?:also|later|further|previously|again|earlier|then|now|once|first|initially|subsequently|repeatedly|publicly|officially|separately|reportedly|allegedly))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerAdverbs();

    private static void Add(List<SourceMention> found, Dictionary<string, string> acronyms, int offset, string who, string verb, bool hedged, string context)
    {
        var name = who.Trim().TrimEnd('.', ',');
        name = Regex.Replace(name, @"^(?:the|a|an)\s+", string.Empty, RegexOptions.IgnoreCase);
        name = Regex.Replace(name, @"(?:'s|’s)$", string.Empty);
        if (name.Length < 2 || !Kinds.Any(k => k.Pattern.IsMatch(name)) && !char.IsUpper(name[0]))
        {
            return;
        }

        var kind = KindOf(name);
        if (kind == SourceKind.Other || (kind == SourceKind.Media && name.Split(' ').Length == 1))
        {
            // "The activist group Valley Voices Are Not Silent (VVANS)": the descriptor before the name says the kind.
            var described = KindOf(string.Join(' ', context.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(10)));
            kind = described is SourceKind.Other or SourceKind.Media ? kind : described;
        }

        var resolved = Resolve(found, acronyms, name, kind);
        var span = new TextSpan(offset, offset + who.Trim().Length);
        found.Add(new SourceMention(span, new SourceClaim(resolved, kind == SourceKind.Other ? KindOf(resolved) : kind, verb, hedged)));
    }

    /// <summary>A short or descriptive reference becomes the earlier full name it stands for.</summary>
    private static string Resolve(List<SourceMention> earlier, Dictionary<string, string> acronyms, string name, SourceKind kind)
    {
        // "The activist group Valley Voices Are Not Silent (VVANS)": the name is the acronym's long form.
        var acronym = Regex.Match(name, @"\((?<acr>[A-Z]{2,8})\)\s*$");
        if (acronym.Success && acronyms.TryGetValue(acronym.Groups["acr"].Value, out var longForm))
        {
            return $"{longForm} ({acronym.Groups["acr"].Value})";
        }

        if (acronyms.TryGetValue(name, out var expanded))
        {
            return $"{expanded} ({name})";
        }

        var words = name.Split(' ');
        var head = words[^1];
        foreach (var mention in Enumerable.Reverse(earlier))
        {
            var known = mention.Claim.Name;
            if (known.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }

            // "the Observatory" → "Syrian Observatory of Human Rights": a capitalised head that the full name contains.
            if (words.Length <= 2 && char.IsUpper(head[0]) && known.Split(' ').Contains(head, StringComparer.Ordinal) && known.Length > name.Length)
            {
                return known;
            }
        }

        // "the London-based rights monitor": a lower-case descriptor names the most recent source of the same kind.
        if (name.Length > 0 && char.IsLower(head[0]) && kind != SourceKind.Other)
        {
            var sameKind = earlier.LastOrDefault(m => m.Claim.Kind == kind && char.IsUpper(m.Claim.Name[0]));
            if (sameKind is not null)
            {
                return sameKind.Claim.Name;
            }
        }

        return name;
    }

    public static SourceKind KindOf(string name)
    {
        foreach (var (pattern, kind) in Kinds)
        {
            if (pattern.IsMatch(name))
            {
                return kind;
            }
        }

        // A single capitalised word that "reported" something is most often a news outlet.
        return name.Split(' ').Length == 1 && char.IsUpper(name[0]) ? SourceKind.Media : SourceKind.Other;
    }

    /// <summary>The words before an acronym whose initials spell it (after Schwartz and Hearst): every capitalised word
    /// gives its initial in order; small lower-case words may give theirs ("Voices of the Valley (VOV)") or be skipped.</summary>
    private static string? LongFormByInitials(string candidate, string acronym)
    {
        var words = candidate.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var start = 0; start < words.Length; start++)
        {
            if (char.IsUpper(words[start][0]) && Spells(words, start, acronym, 0))
            {
                return string.Join(' ', words[start..]);
            }
        }

        return null;
    }

    private static bool Spells(string[] words, int word, string acronym, int letter)
    {
        if (word == words.Length)
        {
            return letter == acronym.Length;
        }

        var initial = char.ToUpperInvariant(words[word][0]);
        var takes = letter < acronym.Length && initial == acronym[letter] && Spells(words, word + 1, acronym, letter + 1);
        return takes || (char.IsLower(words[word][0]) && Spells(words, word + 1, acronym, letter));
    }
}
