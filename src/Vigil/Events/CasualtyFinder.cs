using System.Text.RegularExpressions;

namespace Vigil.Events;

/// <summary>
/// One casualty figure in the text: how many, of whom, and whether it states the total. <see cref="Claimed"/> marks a
/// figure that a side claims ("the Taliban claimed 190 were dead"), and <see cref="Superseded"/> one the report says
/// was given before ("an earlier toll of 27"): the incident's other figures outweigh both.
/// </summary>
internal sealed record CasualtyMention(TextSpan Span, CasualtyCount Count, string Head, bool IsTotal, bool Killed)
{
    public bool Claimed { get; init; }

    public bool Superseded { get; init; }
}

/// <summary>
/// Reads casualty figures: "at least 12 people were killed", "killing 3 soldiers and 2 civilians", "a man was shot
/// dead", "left two dead", "the death toll rose to 9", "1 fatality", "injuring three", and statements of none ("no
/// casualties", "no one was hurt"). A count is read only when it is grammatically tied to a harm word, so "hundreds
/// of people watched the execution" counts nobody.
/// </summary>
internal static partial class CasualtyFinder
{
    private const string Count = CountParser.Pattern;

    private const string KillWords = @"(?:shot|stabbed|beaten|attacked)\s+and\s+killed|killed|dead|died|murdered|executed|slain|shot\s+dead|gunned\s+down|beheaded|lynched|assassinated|massacred|(?:shot|beaten|stabbed|hacked|bludgeoned|clubbed|stoned|tortured|burned|burnt|strangled|crushed)\s+to\s+death|lost\s+their\s+lives?|perished";

    private const string InjureWords = @"injured|wounded|hurt|hospitali[sz]ed|critically\s+injured|seriously\s+injured";

    // A noun phrase stops at another verb of harm or another number ("two clans | left 9 people dead").
    private const string Noun = @"(?:(?!(?:were|was|have|had|has|are|is|and|or|but|in|on|at|by|after|when|while|during|with|left|leaving|leaves|killing|injuring|wounding)\b|\d+\s)[\w'’-]+\s+){0,6}?";

    /// <summary>An aside between a count's noun and its verb ("seven members of one family, including five children, were killed").</summary>
    private const string Aside = @"(?:including|among\s+them|most\s+of\s+them|all\s+of\s+them|mostly)\s";

    private const string ObjectNoun = @"(?:(?!(?:were|was|have|had|has|are|is|and|or|but|in|on|at|by|after|when|while|during|with|to|along|alongside|together|as)\b)[\w'’-]+(?:\s+|$|(?=[.,;:!?)]))){0,4}";

    [GeneratedRegex(@"(?<![\w.-])" + Count + @"\s+(?<noun>" + Noun + @"(?:[\w'’-]+(?=,\s*" + Aside + @"))?)(?:,\s*" + Aside + @"[^,;.]{1,50},\s*)?(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|is|got|being)\s+)?(?:(?:reported(?:\s+to\s+(?:have\s+been|be))?|confirmed|said\s+to\s+have\s+been|believed\s+to\s+have\s+been)\s+)?(?:(?:reportedly|allegedly|also|all|later|critically|seriously|severely|(?<fatally>fatally|mortally)|badly|slightly|lightly)\s+)?(?<verb>" + KillWords + "|" + InjureWords + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountThenVerb();

    /// <summary>
    /// A verb of harm with its object after it ("a lone attacker killed | three people", "a gunman wounded | two
    /// officers"): the count before it is the attacker, not the harmed.
    /// </summary>
    [GeneratedRegex(@"^\s+(?:(?:the|his|her|their|its|several|many|himself|herself|themselves)\b|" + Count + @"\s+[\w'’-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ObjectAfterVerb();

    [GeneratedRegex(@"\b(?:were|was|been|are|is|got|being)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PassiveAuxiliary();

    [GeneratedRegex(@"^(?:killed|murdered|executed|beheaded|lynched|assassinated|massacred|shot\s+dead|gunned\s+down|injured|wounded|hurt)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Transitive();

    [GeneratedRegex(@"^(?:family|household)\s+of\s+" + Count + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FamilyOf();

    [GeneratedRegex(@"\b(?<verb>kill(?:s|ed|ing)?|(?:stoned|beaten|beat|hacked|stabbed|burned|burnt|shot)\s+to\s+death|burn(?:ed|t|ing)\s+alive|lynch(?:es|ed|ing)|beat(?:en)?|stabbed|hacked|tortured|stoned|burn(?:ed|t)|shooting\s+dead|shoots?\s+dead|shot\s+dead|murder(?:s|ed|ing)|execut(?:es|ed|ing)|injur(?:es?|ed|ing)|wound(?:s|ed|ing)|leav(?:es|ing)|left|claim(?:s|ed|ing)\s+the\s+lives\s+of)\s+(?:(?<self>him|her)self\s+and\s+)?(?:the\s+)?" + Count + @"(?:\s+|$|(?=[.,;:!?)]))(?<noun>" + ObjectNoun + @")(?<tail>dead|injured|wounded|hurt|to\s+death)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerbThenCount();

    /// <summary>Harm told as a noun: "the killing of a militant", "the deaths of three children", "the wounding of two guards".</summary>
    [GeneratedRegex(@"\b(?<verb>killings?|deaths?|murders?|assassinations?|executions?|beheadings?|lynchings?|wounding|injuring)\s+of\s+" + Count + @"\s+(?<noun>(?:(?!(?:were|was|in|on|at|by|and|or|after|during|with|to|who|which)\b)[\w'’-]+\b\s*){1,4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NounOfCount();

    [GeneratedRegex(@"(?<![\w.-])" + Count + @"\s+(?:(?:more|other|further|additional)\s+)?(?<verb>fatalit(?:y|ies)|deaths|dead|fallen|casualties|injur(?:y|ies)|wounded|injured)\b|\b(?:death\s+toll|toll|fatalities)\s+(?:(?:from|of|in)\s+(?:[\w'’-]+\s+){1,8}?(?:(?:has|had)\s+)?(?:rose|risen|rises|rising|climbed|climbs|climbing|reached|reaches|reaching|stood|stands|standing|increased|increases|increasing|jumped|jumps|jumping|was|is)\s+(?:to\s+|at\s+)?|(?:(?:has|had|was|is)\s+)?(?:(?:coded|rose|risen|rising|climbed|climbing|reached|reaching|stood|stands|stand|standing)\s+)?(?:as\s+|to\s+|at\s+|of\s+)?)" + Count + @"(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Totals();

    [GeneratedRegex(@"\b(?:no\s+(?:one|body)\s+(?:was|were)\s+(?<what>killed|hurt|injured|wounded|harmed)|nobody\s+(?:was\s+)?(?<what>killed|hurt|injured|wounded|harmed)|no\s+(?:reported\s+)?(?<what>casualties|fatalities|deaths|injuries|one\s+died)|without\s+(?<what>casualties)|neither\s+(?<what>fatalities|injuries|casualties)\s+nor\s+(?<what2>fatalities|injuries|casualties)|(?<what>fatalities|casualties|injuries)\s*:\s*(?:none|0)\b|there\s+were\s+no\s+(?<what>casualties|fatalities|deaths|injuries))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex None();

    /// <summary>Words that end a count's noun: a verb after it ("three people are killed and two injured") gives the count its own harm.</summary>
    private const string NotCoordinatedNoun = @"(?:were|was|are|is|have|had|and|or|in|on|at|by|killed|dead|died|injured|wounded|hurt)\b";

    /// <summary>
    /// A count and its noun coordinated right before another ("3 policemen and " before "2 attackers killed"). A count
    /// after "including" or "among them" is a part of an earlier count ("seven killed, including two attackers, and two
    /// others injured"), not a subject of the verb that follows.
    /// </summary>
    [GeneratedRegex(@"(?<![\w.-])(?<!\b(?:including|among\s+them|among\s+whom|of\s+whom)\s+)" + Count + @"\s+(?<noun>(?!" + NotCoordinatedNoun + @")[\w'’-]+(?:\s+(?!" + NotCoordinatedNoun + @")[\w'’-]+){0,2})\s*(?:,\s*|,?\s*and\s+)(?:(?:his|her|their)\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CoordinatedBefore();

    [GeneratedRegex(@"\b(?:fatally|mortally)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FatallyBefore();

    // "and his two sons" counts the sons, as does "along with two of his sons", and an aside may come between ("five
    // soldiers, including an army major, and seven insurgents"); "his wife" one (the kin nouns are a word class, WordClasses.Kin); "one of them
    // a commander" and "two of whom were officers" count no one more; nor does a source ("a local rights group said").
    private static Regex CoordinatedAfter() => CoordinatedAfterPattern.Value;

    private static readonly Lazy<Regex> CoordinatedAfterPattern = new(() => new Regex(
        @"\G(?:,\s*(?:including|among\s+them)\s+[^,.;()]{1,50}?(?=,))?\s*(?:,\s*|and\s+|,\s*and\s+|" + Accompanying + ")" + CoordinatedPeople, WordClasses.Options));

    /// <summary>
    /// People harmed with the one a verb of harm told of ("a pastor is killed along with two of his sons", "a chief was
    /// shot dead alongside three relatives"). Unlike "and", these words never join a second harm ("three killed and two
    /// injured"), so they may follow the verb itself.
    /// </summary>
    private static Regex AccompanyingAfter() => AccompanyingAfterPattern.Value;

    private static readonly Lazy<Regex> AccompanyingAfterPattern = new(() => new Regex(@"\G\s*" + Accompanying + CoordinatedPeople, WordClasses.Options));

    private const string Accompanying = @",?\s*(?:along\s+with|alongside|together\s+with|as\s+well\s+as)\s+";

    private static readonly string CoordinatedPeople =
        @"(?:(?:his|her|their)\s+(?:(?<kin>" + WordClasses.Kin + @")\b|" + Count + @"\s+[\w'’-]+)|"
        + Count + @"\s+(?:of\s+(?:his|her|their)\s+)?(?!(?:were|was|have|had|of)\b)[\w'’-]+\b(?!(?:\s+[\w'’-]+){0,3}\s+(?:said|says|told|reported|added|stated)\b))";

    /// <summary>
    /// One relative harmed, told with no number ("stabbed his neighbour to death", "killed his ex-wife", "injuring her
    /// daughter"). A verb that harms without killing ("stabbed") counts the dead only with "to death" after its object.
    /// </summary>
    private static Regex VerbThenRelative() => VerbThenRelativePattern.Value;

    private static readonly Lazy<Regex> VerbThenRelativePattern = new(() => new Regex(
        @"\b(?:(?<verb>kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|shot\s+dead|shoots?\s+dead|shooting\s+dead|injur(?:es?|ed|ing)|wound(?:s|ed|ing)?)|"
        + @"(?<verb>stabb(?:ed|ing)|stabs?|beat(?:s|en|ing)?|hack(?:s|ed|ing)|strangl(?:es?|ed|ing)|burn(?:s|ed|t|ing)|shot|shoots?|shooting|bludgeon(?:s|ed|ing)|club(?:s|bed|bing))(?=\s+(?:his|her|their)\s+(?:ex-|former\s+)?(?:" + WordClasses.Kin + @")\s+to\s+death\b))"
        + @"\s+(?:his|her|their)\s+(?:ex-|former\s+)?(?<kin>" + WordClasses.Kin + @")\b(?:\s+to\s+death\b)?",
        WordClasses.Options));

    /// <summary>
    /// One relative told as the subject of a harm ("her daughter were killed" in "a woman and her daughter were
    /// killed"): one person, to which the people coordinated before it are added.
    /// </summary>
    private static Regex RelativeThenVerb() => RelativeThenVerbPattern.Value;

    private static readonly Lazy<Regex> RelativeThenVerbPattern = new(() => new Regex(
        @"\b(?:his|her|their)\s+(?:ex-|former\s+)?(?<kin>" + WordClasses.Kin + @")\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:also\s+|both\s+|reportedly\s+)?(?<verb>" + KillWords + "|" + InjureWords + @")\b",
        WordClasses.Options));

    [GeneratedRegex(@"\b(?:claim(?:s|ed|ing)?|alleg(?:e|es|ed|ing))\s+(?:to\s+have\s+|(?:that\s+)?(?:it|they|its\s+\w+|their\s+\w+)\s+(?:had\s+|has\s+|have\s+)?|that\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimedBefore();

    /// <summary>Words that make the figure right after them one given before the report's own ("an earlier toll of", "revised from an initial", "up from a previous").</summary>
    [GeneratedRegex(@"\b(?:earlier|previous|initial|preliminary|original|provisional)\s+(?:(?:(?:death|casualty)\s+)?(?:toll|figure|count|estimate|tally|report)s?\s+(?:of\s+|was\s+|had\s+been\s+|stood\s+at\s+)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EarlierFigureBefore();

    private static Regex GrievanceBefore() => GrievanceBeforePattern.Value;

    private static Regex TriggerBefore() => TriggerBeforePattern.Value;

    /// <summary>
    /// Words that blame someone for the harm right after them, or for a harm noun it is coordinated with ("responsible
    /// for the deaths of hundreds ... and | the wounding of thousands more").
    /// </summary>
    private static Regex BlameBefore() => BlameBeforePattern.Value;

    private static readonly Lazy<Regex> BlameBeforePattern = new(() => new Regex(
        @"\b(?:" + WordClasses.HarmAsBlame + @")\s+(?:the\s+)?(?:(?:deaths?|killings?|murders?|wounding|injuring|injuries)\s+of\s+[^.;:,]{0,80}\band\s+(?:the\s+)?)?$", WordClasses.Options));

    private static readonly Lazy<Regex> TriggerBeforePattern = new(() => new Regex(
        @"\b(?:" + WordClasses.UnrestTrigger + @")\b[^.;]{0,120}?\b(?:after|following)\s+(?:[\w'’-]+\s+){0,3}$", WordClasses.Options));

    private static readonly Lazy<Regex> GrievanceBeforePattern = new(() => new Regex(
        @"\b(?:" + WordClasses.HarmAsGrievance + @")\s+(?:[\w'’-]+\s+){0,3}$", WordClasses.Options));

    /// <summary>
    /// Whether the words right before a harm or a person make it what a protest is about ("to denounce the killing of |
    /// George Floyd") or what set unrest off ("took to the streets following the death of | Mahsa Amini").
    /// </summary>
    internal static bool IsGrievance(string textBefore) => GrievanceBefore().IsMatch(textBefore) || TriggerBefore().IsMatch(textBefore);

    /// <summary>
    /// One person told as dead with no number ("the farmer was killed", "a lawyer was found shot dead"); the nouns are a
    /// word class (<see cref="WordClasses.OnePerson"/>). "Found dead" alone tells no killing (a death in custody, a body
    /// that a riot follows), so only "found shot dead" or "found stabbed to death" counts.
    /// </summary>
    private static Regex DefiniteSingular() => DefiniteSingularPattern.Value;

    private static readonly Lazy<Regex> DefiniteSingularPattern = new(() => new Regex(
        @"\b(?<head>" + WordClasses.OnePerson + @")\s+(?:was\s+|is\s+|later\s+)?(?:died|killed|dead|murdered|(?:found\s+)?(?:shot\s+dead|stabbed\s+to\s+death))\b",
        WordClasses.Options));

    /// <summary>Casualty figures in one sentence, in order.</summary>
    public static List<CasualtyMention> Find(string text, TextSpan sentence)
    {
        var found = new List<CasualtyMention>();
        var sentenceText = text.Substring(sentence.Start, sentence.Length);

        foreach (Match match in Totals().Matches(sentenceText))
        {
            if (CountParser.FromMatch(match) is { } count && Plausible(match))
            {
                var verb = match.Groups["verb"].Value.ToLowerInvariant();
                var killed = verb.Length == 0 || verb.StartsWith("fatal", StringComparison.Ordinal) || verb is "deaths" or "dead" or "fallen";
                var isTotal = verb.Length == 0 || verb.StartsWith("fatal", StringComparison.Ordinal);
                if (verb is "casualties")
                {
                    continue;
                }

                found.Add(new CasualtyMention(Span(sentence, match), count, string.Empty, isTotal, killed));
            }
        }

        foreach (Match match in CountThenVerb().Matches(sentenceText))
        {
            if (!PassiveAuxiliary().IsMatch(match.Value) && Transitive().IsMatch(match.Groups["verb"].Value)
                && ObjectAfterVerb().IsMatch(sentenceText[(match.Index + match.Length)..]))
            {
                continue;
            }

            var before = found.Count;
            var killedVerb = IsKill(match.Groups["verb"].Value) || match.Groups["fatally"].Success;
            AddCounted(found, sentence, match, sentenceText, killedVerb);
            if (found.Count == before && NumberOf().IsMatch(match.Groups["noun"].Value.Trim()))
            {
                // "Nine soldiers and an unknown number of militants died": the counted ones stand, the unknown adds no one.
                found.Add(new CasualtyMention(Span(sentence, match), new CasualtyCount(0, 0, 0), string.Empty, false, killedVerb));
            }

            if (found.Count > before)
            {
                // "3 policemen and 2 attackers killed": counts coordinated before the subject share its verb.
                var (count, start) = WithCoordinatedBefore(sentenceText, match.Index, found[^1].Count);
                found[^1] = found[^1] with { Count = count, Span = start == match.Index ? found[^1].Span : new TextSpan(sentence.Start + start, found[^1].Span.End) };

                // "An unknown number of militants died" alone is no count at all: unknown, not zero.
                if (found[^1].Count.Best == 0 && start == match.Index && NumberOf().IsMatch(match.Groups["noun"].Value.Trim()))
                {
                    found.RemoveAt(found.Count - 1);
                }
                else
                {
                    AddCoordinatedAfter(found, sentence, sentenceText, match.Index + match.Length, accompanyingOnly: true);
                }
            }
        }

        foreach (Match match in VerbThenCount().Matches(sentenceText))
        {
            var verb = match.Groups["verb"].Value.ToLowerInvariant();
            bool killed;
            if (verb is "leaving" or "leaves" or "left")
            {
                if (!match.Groups["tail"].Success)
                {
                    continue;
                }

                killed = match.Groups["tail"].Value.Equals("dead", StringComparison.OrdinalIgnoreCase);
            }
            else if (FatallyBefore().IsMatch(sentenceText[..match.Index]))
            {
                // "fatally wounding a boy": the wound killed.
                killed = true;
            }
            else if (Regex.IsMatch(verb, "^(?:beat|beaten|stabbed|hacked|tortured|stoned|burned|burnt)$"))
            {
                // "beat a man" is no casualty count; "beat a man to death" is.
                if (!match.Groups["tail"].Value.StartsWith("to", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                killed = true;
            }
            else
            {
                killed = !verb.StartsWith("injur", StringComparison.Ordinal) && !verb.StartsWith("wound", StringComparison.Ordinal);
            }

            var before = found.Count;
            AddCounted(found, sentence, match, sentenceText, killed);
            if (found.Count > before && match.Groups["self"].Success)
            {
                // "killing himself and six others": the attacker is among the dead.
                found[^1] = found[^1] with { Count = CountParser.Add(found[^1].Count, new CasualtyCount(1, 1, 1)) };
            }

            if (found.Count > before)
            {
                AddCoordinatedAfter(found, sentence, sentenceText, match.Index + match.Length);
            }
        }

        foreach (Match match in VerbThenRelative().Matches(sentenceText))
        {
            var span = Span(sentence, match);
            var killed = !Regex.IsMatch(match.Groups["verb"].Value, "^(?:injur|wound)", RegexOptions.IgnoreCase);
            if (found.Any(other => other.Span.Overlaps(span) && other.Killed == killed))
            {
                continue;
            }

            found.Add(new CasualtyMention(span, new CasualtyCount(1, 1, 1), match.Groups["kin"].Value.ToLowerInvariant(), false, killed));
            AddCoordinatedAfter(found, sentence, sentenceText, match.Index + match.Length);
        }

        foreach (Match match in RelativeThenVerb().Matches(sentenceText))
        {
            var span = Span(sentence, match);
            var killed = !Regex.IsMatch(match.Groups["verb"].Value, "^(?:injur|wound|hurt|hospital|critically|seriously)", RegexOptions.IgnoreCase);
            if (found.Any(other => other.Span.Overlaps(span) && other.Killed == killed))
            {
                continue;
            }

            var (count, start) = WithCoordinatedBefore(sentenceText, match.Index, new CasualtyCount(1, 1, 1));
            found.Add(new CasualtyMention(new TextSpan(sentence.Start + start, span.End), count, match.Groups["kin"].Value.ToLowerInvariant(), false, killed));
        }

        foreach (Match match in NounOfCount().Matches(sentenceText))
        {
            AddCounted(found, sentence, match, sentenceText, !Regex.IsMatch(match.Groups["verb"].Value, "^(?:wounding|injuring)$", RegexOptions.IgnoreCase));
        }

        if (found.Count == 0)
        {
            foreach (Match match in DefiniteSingular().Matches(sentenceText))
            {
                var before = sentenceText[..match.Index];
                if (Regex.IsMatch(before, @"\b(?:the|a|an|one)\s+(?:[\w'’-]+\s+){0,2}$", RegexOptions.IgnoreCase))
                {
                    found.Add(new CasualtyMention(Span(sentence, match), new CasualtyCount(1, 1, 1), match.Groups["head"].Value.ToLowerInvariant(), false, true));
                    AddCoordinatedAfter(found, sentence, sentenceText, match.Index + match.Length);
                }
            }
        }

        // "Rebels killed at least 11 soldiers, the army said, while the rebels claimed to have killed 30": a count the other
        // side claims is no more dead beside the one the sentence asserts (codebook: the lowest confirmed figure).
        var claimed = found.Where(m => ClaimedBefore().IsMatch(sentenceText[..(m.Span.Start - sentence.Start)])).ToHashSet();
        found.RemoveAll(m => claimed.Contains(m) && found.Any(o => o.Killed == m.Killed && !claimed.Contains(o)));
        for (var i = 0; i < found.Count; i++)
        {
            found[i] = found[i] with
            {
                Claimed = claimed.Contains(found[i]),
                Superseded = EarlierFigureBefore().IsMatch(sentenceText.AsSpan(0, found[i].Span.Start - sentence.Start)),
            };
        }

        // The harm a protest is about ("marched to protest against the killing of a classmate") is its reason, not its toll;
        // so is the harm that set unrest off ("youths rioted after a trader was killed in a cell").
        // So is harm laid at someone's door ("he was responsible for the deaths of hundreds"), and harm a court judged
        // ("serving a life sentence for the 1998 murder of a judge").
        found.RemoveAll(m => GrievanceBefore().IsMatch(sentenceText[..(m.Span.Start - sentence.Start)])
            || TriggerBefore().IsMatch(sentenceText[..(m.Span.Start - sentence.Start)])
            || BlameBefore().IsMatch(sentenceText[..(m.Span.Start - sentence.Start)])
            || EventLexicon.JudgedBefore(sentenceText, m.Span.Start - sentence.Start));

        foreach (Match match in None().Matches(sentenceText))
        {
            var what = (match.Groups["what"].Value + " " + match.Groups["what2"].Value).ToLowerInvariant();
            var zero = new CasualtyCount(0, 0, 0);
            var span = Span(sentence, match);
            if (Regex.IsMatch(what, "killed|fatalit|death|casualt|died|harmed|hurt"))
            {
                found.Add(new CasualtyMention(span, zero, "none", true, true));
            }

            if (Regex.IsMatch(what, "hurt|injur|wounded|casualt|harmed"))
            {
                found.Add(new CasualtyMention(span, zero, "none", true, false));
            }
        }

        return found;
    }

    /// <summary>A count with the counts coordinated right before its subject added ("a woman and | her daughter were killed"), and where the first of them starts.</summary>
    private static (CasualtyCount Count, int Start) WithCoordinatedBefore(string sentenceText, int start, CasualtyCount count)
    {
        while (CoordinatedBefore().Match(sentenceText[..start]) is { Success: true } earlier && CountParser.FromMatch(earlier) is { } extra && Plausible(earlier))
        {
            count = CountParser.Add(count, extra);
            start = earlier.Index;
        }

        return (count, start);
    }

    /// <summary>
    /// "killing 3 soldiers and 2 civilians": counts coordinated after the object belong to the same verb, and so does a
    /// relative named after it ("a pastor, his wife and their three children", "his ex-wife and two of her relatives").
    /// </summary>
    private static void AddCoordinatedAfter(List<CasualtyMention> found, TextSpan sentence, string sentenceText, int at, bool accompanyingOnly = false)
    {
        while ((accompanyingOnly ? AccompanyingAfter() : CoordinatedAfter()).Match(sentenceText, at) is { Success: true } more
            && (CountParser.FromMatch(more) is { } extra ? extra : more.Groups["kin"].Success ? new CasualtyCount(1, 1, 1) : null) is { } added)
        {
            var last = found[^1];
            found[^1] = last with { Count = CountParser.Add(last.Count, added), Span = new TextSpan(last.Span.Start, sentence.Start + more.Index + more.Length) };
            at = more.Index + more.Length;
        }
    }

    private static void AddCounted(List<CasualtyMention> found, TextSpan sentence, Match match, string sentenceText, bool killed)
    {
        var span = Span(sentence, match);
        if (found.Any(other => other.Span.Overlaps(span) && other.Killed == killed) || CountParser.FromMatch(match) is not { } count || !Plausible(match))
        {
            return;
        }

        var noun = match.Groups["noun"].Value.Trim();
        var head = noun.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToLowerInvariant() ?? string.Empty;

        // "2 soldiers and 3 civilians were killed": every coordinated count belongs to the same verb.
        var rest = noun;
        foreach (Match inner in Regex.Matches(noun, @"(?:,|\band\b)\s+" + Count + @"\s+", RegexOptions.IgnoreCase))
        {
            if (CountParser.FromMatch(inner) is { } more)
            {
                count = CountParser.Add(count, more);
            }
        }

        // "a family of five": the family's size is the count.
        if (FamilyOf().Match(noun) is { Success: true } family && CountParser.FromMatch(family) is { } members)
        {
            count = members;
        }

        // "a man" or "an estimated" are counts; "a" before a non-person word ("a house") is not.
        if (match.Groups["n"].Value.ToLowerInvariant() is "a" or "an" && noun.Length == 0)
        {
            return;
        }

        found.Add(new CasualtyMention(span, count, rest.Length == 0 ? head : head, false, killed));
    }

    /// <summary>A number is a count of people only when no unit, month or year follows it and it is not a year itself.</summary>
    private static bool Plausible(Match match)
    {
        var numberText = match.Groups["n"].Value;
        if (numberText.Length == 4 && int.TryParse(numberText, out var year) && year is > 1900 and < 2100)
        {
            return false;
        }

        var noun = match.Groups["noun"].Success ? match.Groups["noun"].Value.Trim() : string.Empty;
        var firstWord = noun.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return (firstWord is null || !WordClasses.NotPeople.IsMatch(firstWord)) && !NumberOf().IsMatch(noun);
    }

    /// <summary>"A number of", "an unknown number of", "a large number of": the article counts no one.</summary>
    [GeneratedRegex(@"^(?:[\w-]+\s+)?numbers?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberOf();

    private static bool IsKill(string verb) => !Regex.IsMatch(verb, "injur|wound|hurt|hospital", RegexOptions.IgnoreCase);

    private static TextSpan Span(TextSpan sentence, Match match) => new(sentence.Start + match.Index, sentence.Start + match.Index + match.Length);
}
