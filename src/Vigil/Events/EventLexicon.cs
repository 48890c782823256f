using System.Text.RegularExpressions;

namespace Vigil.Events;

/// <summary>What a phrase in a sentence says about the incident it reports; the classifier combines cues by priority.</summary>
internal enum Cue
{
    Airstrike,
    Shelling,
    Ied,
    Suicide,
    Grenade,
    Chemical,
    Explosion,
    Clash,
    Attack,
    Kill,
    Injure,
    Abduct,
    Sexual,
    Protest,
    Intervention,
    ExcessiveForce,
    Riot,
    Mob,
    ProtesterViolence,
    Arrest,
    Loot,
    Disrupted,
    Agreement,
    ChangeActivity,
    Base,
    Transfer,
    RegainTerritory,
    OvertakeTerritory,

    /// <summary>A development ACLED files as "Other": a mass grave found, a state declared.</summary>
    OtherDevelopment,
}

/// <summary>
/// The vocabulary of conflict reporting and of event coders' notes, as regular expressions: incident cues, actor
/// descriptors, weapons and motives. Rules and lexicons rather than a trained model because no shippable labelled
/// corpus of conflict events exists for this project (ACLED's coding may only be used to measure), and because each
/// rule can be read, tested and corrected by an analyst. The cues and the weapons are vocabulary and live in data files
/// an analyst edits (<c>data/lexicon/en/cues.tsv</c>, <c>weapons.tsv</c>, found by <see cref="LexiconFiles"/>), as do
/// the other words of a kind the rules test for (<see cref="WordClasses"/>); the patterns below are grammar and stay here.
/// </summary>
internal static partial class EventLexicon
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>The file of cue entries (<c>CUE&lt;TAB&gt;pattern</c>) in <see cref="LexiconFiles.Folder"/>.</summary>
    public const string CuesFile = "cues.tsv";

    /// <summary>The file of weapon entries (<c>weapon&lt;TAB&gt;pattern</c>) in <see cref="LexiconFiles.Folder"/>.</summary>
    public const string WeaponsFile = "weapons.tsv";

    /// <summary>The file of disaster and accident causes (<c>cause&lt;TAB&gt;pattern</c>) in <see cref="LexiconFiles.Folder"/>.</summary>
    public const string DisastersFile = "disasters.tsv";

    /// <summary>
    /// Each cue with one expression for all its entries in <see cref="CuesFile"/> (<c>(?:a)|(?:b)|...</c>, in file
    /// order), in the order in which the cues first appear in the file: the classifier takes them in this order.
    /// </summary>
    public static (Cue Cue, Regex Pattern)[] Cues => LoadedCues.Value;

    private static readonly Lazy<(Cue Cue, Regex Pattern)[]> LoadedCues = new(LoadCues);

    private static (Cue Cue, Regex Pattern)[] LoadCues()
    {
        var names = Enum.GetValues<Cue>().ToDictionary(cue => cue.ToString(), StringComparer.Ordinal);
        var patterns = new Dictionary<Cue, List<string>>();
        var order = new List<Cue>();
        var path = "";
        foreach (var entry in LexiconFiles.Read(CuesFile, Options))
        {
            path = entry.Path;
            if (!names.TryGetValue(entry.Key, out var cue))
            {
                throw LexiconFiles.Error(entry.Path, entry.Line, $"unknown cue name \"{entry.Key}\" (the cues are {string.Join(", ", names.Keys)})");
            }

            if (!patterns.TryGetValue(cue, out var list))
            {
                patterns[cue] = list = [];
                order.Add(cue);
            }

            list.Add(entry.Pattern);
        }

        return [.. order.Select(cue => (cue, Join(path, cue.ToString(), patterns[cue])))];
    }

    /// <summary>One expression that tries each pattern in turn: <c>(?:a)|(?:b)|...</c>.</summary>
    private static Regex Join(string path, string name, List<string> patterns)
    {
        try
        {
            return new Regex(string.Join('|', patterns.Select(p => $"(?:{p})")), Options);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"lexicon file {path}: the entries of {name} do not compile together: {e.Message}", e);
        }
    }

    /// <summary>Cues that describe harm itself and so fit any incident they are told with.</summary>
    public static bool IsHarm(Cue cue) => cue is Cue.Kill or Cue.Injure;

    /// <summary>Sentence openings that announce a different incident from the one told before.</summary>
    [GeneratedRegex(@"^\W*(?:in\s+(?:a\s+|an\s+)?(?:another|separate|related|similar|unrelated|second|different)\b|separately\b|elsewhere\b|meanwhile\b|also\s+on\b|on\s+the\s+same\s+day\b|in\s+addition\b|additionally\b|the\s+(?:news|attack|incident|strike|killing|report)\s+(?:comes?|came)\s+as\b|this\s+comes\s+as\b|it\s+comes\s+as\b|earlier\b|a\s+day\s+(?:earlier|later|before)\b|the\s+previous\s+day\b|last\s+(?:week|month)\b)|\b(?:comes?|came)\s+(?:as|after|days\s+after)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex NewIncident();

    /// <summary>
    /// A sentence that opens on a year ("In 2019 he survived a drone attack", "Back in March 2018, ...") moves the story
    /// to that time: an act it tells is another incident, not more of the one before.
    /// </summary>
    [GeneratedRegex(@"^\W*(?:back\s+)?in\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex OpensOnAYear();

    /// <summary>Words right before a cue that make it the charge a court judged: "found guilty on Thursday of", "convicted of", "sentenced to life for", "jailed for", "jailed over", "on trial for", "serving a life sentence for".</summary>
    [GeneratedRegex(@"\b(?:(?:found|pleaded|pled)\s+(?:not\s+)?guilty|convicted|acquitted|sentenced|jailed|imprisoned|on\s+trial|serv(?:ing|es?|ed)\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:sentence|term))\b(?:\s+[\w$,.'-]+){0,5}?\s+(?:of|for|over|due\s+to|because\s+of)\s+(?:\w+\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex JudgedInCourt();

    /// <summary>Whether the words right before <paramref name="at"/> in <paramref name="sentence"/> make what stands there the charge a court judged (<see cref="JudgedInCourt"/>).</summary>
    public static bool JudgedBefore(string sentence, int at) => JudgedInCourt().IsMatch(sentence.AsSpan(Math.Max(0, at - 60), Math.Min(60, at)));

    /// <summary>Words that make a sentence general rather than a report of an incident.</summary>
    [GeneratedRegex(@"\b(?:usually|typically|generally|is\s+used|are\s+used|justification|in\s+recent\s+years|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decades))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Generic();

    /// <summary>Words right before a cue that make it background to the sentence's report: what came before, or why ("during recent riots", "in connection with the ongoing clashes", "to retaliate against an attack", "detained for hurling", "36 minutes after the shooting").</summary>
    [GeneratedRegex(@"(?:\b(?:recent(?:ly)?|ongoing|continuing|previous|earlier|past|last\s+\w+'s|context\s+of|connection\s+(?:to|with)|(?:anniversary|commemoration|remembrance|memory)\s+of|retaliat\w*(?:\s+(?:for|against))?|(?:response|reaction|reply)\s+to|revenge\s+(?:for|of)|(?:minutes|hours|days|weeks|months|moments|shortly|soon|immediately)\s+(?:after|before))\s+(?:\w+\s+){0,3}|\bfor\s+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex BackgroundBefore();

    /// <summary>Words right after a cue that date it before the sentence's report ("riots in the previous week", "an attack earlier that day").</summary>
    [GeneratedRegex(@"^[^.;]{0,40}?\b(?:in\s+the\s+(?:previous|past)\s+(?:days?|weeks?|months?)|the\s+(?:day|week|night)\s+before|earlier\s+(?:that|the\s+same)\s+day|(?:days?|weeks?|months?)\s+(?:earlier|ago))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex BackgroundAfter();

    /// <summary>A modal or intention right before a cue makes it hypothetical ("would die", "threatened to kill", "an upcoming rally", "ahead of a planned march").</summary>
    [GeneratedRegex(@"\b(?:would|could|might|(?-i:may|May)(?!\s+(?:Day|\d))|will|shall|should|threaten(?:ed|s|ing)?\s+to|plans?\s+to|planned\s+to|vow(?:ed|s)?\s+to|tried\s+to|attempt(?:ed)?\s+to|fear(?:ed|ing|s)?\s+(?:they\s+)?(?:would|could|might)?|if|not|no|never|risk\s+of|fears\s+of|no\s+reports?\s+of|neither|nor|upcoming|forthcoming|scheduled|proposed|(?:ahead\s+of|before)\s+(?:an?\s+|the\s+|their\s+)?planned)\s+(?:\w+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Hypothetical();

    /// <summary>
    /// Whether a cue's words are a fight, battle, war or attack waged on something no one can shoot at ("fighting
    /// corruption", "the battle against the virus", "an attack on press freedom"): a figure of speech, no incident.
    /// </summary>
    public static bool Figurative(string sentence, Match cue) =>
        FightWord().IsMatch(cue.Value) && FiguredFoeAfter.Value.IsMatch(sentence.AsSpan(cue.Index + cue.Length));

    [GeneratedRegex(@"\b(?:fight|battl|war|attack|assault|offensive|struggl|combat|crusade)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FightWord();

    private static readonly Lazy<Regex> FiguredFoeAfter = new(() =>
        new Regex(@"^\w*\s+(?:(?:back\s+)?(?:against|on|with)\s+)?(?:the\s+)?(?:" + WordClasses.FiguredFoe + @")\b", WordClasses.Options));

    /// <summary>Weapon words and the weapon they name, from <see cref="WeaponsFile"/> in file order: the first that matches wins.</summary>
    public static (Regex Pattern, string Weapon)[] Weapons => LoadedWeapons.Value;

    private static readonly Lazy<(Regex Pattern, string Weapon)[]> LoadedWeapons = new(() =>
        [.. LexiconFiles.Read(WeaponsFile, Options).Select(entry => (new Regex(entry.Pattern, Options), entry.Key))]);

    /// <summary>Disasters and accidents, from <see cref="DisastersFile"/>: causes of death that make no incident (the cause, and its words).</summary>
    public static (Regex Pattern, string Cause)[] Disasters => LoadedDisasters.Value.Causes;

    public const string OrdinaryCrimesFile = "ordinary-crimes.tsv";

    /// <summary>Ordinary crimes, from <see cref="OrdinaryCrimesFile"/>: offences whose arrests and assaults are not political violence (the crime, and its words).</summary>
    public static (Regex Pattern, string Crime)[] OrdinaryCrimes => LoadedOrdinaryCrimes.Value;

    private static readonly Lazy<(Regex Pattern, string Crime)[]> LoadedOrdinaryCrimes = new(() =>
        [.. LexiconFiles.Read(OrdinaryCrimesFile, Options).Select(entry => (new Regex(entry.Pattern, Options), entry.Key))]);

    /// <summary>The words of <see cref="DisastersFile"/>'s military sites: named beside a harm, they keep it an incident whatever else caused it.</summary>
    public static Regex[] MilitarySites => LoadedDisasters.Value.MilitarySites;

    private const string MilitarySiteCause = "military site";

    private static readonly Lazy<((Regex Pattern, string Cause)[] Causes, Regex[] MilitarySites)> LoadedDisasters = new(() =>
    {
        var entries = LexiconFiles.Read(DisastersFile, Options).Select(entry => (Pattern: new Regex(entry.Pattern, Options), Cause: entry.Key)).ToList();
        return ([.. entries.Where(e => e.Cause != MilitarySiteCause)], [.. entries.Where(e => e.Cause == MilitarySiteCause).Select(e => e.Pattern)]);
    });

    /// <summary>Stated charges and motives: the captured group "r" is the reason.</summary>
    public static readonly Regex[] Reasons =
    [
        new(@"\baccus(?:ed|ing|ation)\s+(?:\w+\s+)?of\s+(?:being\s+|having\s+)?(?<r>[\w\s'’-]{3,60}?)(?=\s*(?:[,.;:()–—]|\s-\s|\band\b|\bby\b|\bafter\b|\bin\b|$))", Options),
        new(@"\bcharged\s+with\s+(?<r>[\w\s'’-]{3,60}?)(?=\s*(?:[,.;:()–—]|\band\b|$))", Options),
        new(@"\b(?:for|over)\s+(?:alleged(?:ly)?\s+)?(?<r>apostasy|blasphemy|adultery|witchcraft|sorcery|espionage|spying|theft|stealing|collaboration|treason|desertion|homosexuality|insulting\s+[\w\s]{2,20}?|cooperating\s+with\s+[\w\s]{2,25}?|(?:a\s+)?(?:land|border|water|grazing|property|family|business|political|ethnic|religious|chieftaincy)\s+(?:dispute|conflict|row|feud|rivalry))(?=\s*(?:[,.;:()]|\band\b|$))", Options),
        new(@"\bin\s+(?<r>retaliation|revenge|reprisal)\b", Options),
        new(@"\b(?:connected|related|linked|due)\s+to\s+(?:a\s+|an\s+|the\s+)?(?:recent\s+|ongoing\s+|long-?standing\s+)?(?<r>(?:\w+\s+){0,3}?(?:retaliations?|revenge|reprisals?|dispute|disputes|feud|rivalry|conflict|tensions?))\b", Options),
        new(@"\b(?<r>(?:land|border|water|grazing|property|family|business|chieftaincy|farmer-herder)\s+(?:dispute|conflict|row|feud))\b", Options),
        new(@"\b(?:demand(?:ed|ing)?|to\s+demand|calling\s+for|to\s+call\s+for)\s+(?<r>[\w\s'’-]{3,80}?)(?=\s*(?:[,.;:()\[]|$))", Options),
        new(@"\b(?:protest(?:ed|ing)?|demonstrat(?:ed|ing)|rall(?:ied|ying))\s+(?:\w+\s+){0,6}?(?:against|over)\s+(?<r>[\w\s'’-]{3,80}?)(?=\s*(?:[,.;:()\[]|$))", Options),
        new(@"\bto\s+(?:protest|denounce|condemn|oppose)\s+(?:against\s+)?(?<r>[\w\s'’-]{3,80}?)(?=\s*(?:[,.;:()\[]|$))", Options),
    ];

    /// <summary>Words after which a place is where the speaker or a casualty went, not where the incident happened.</summary>
    [GeneratedRegex(@"\b(?:treat(?:ed|ment)|(?:to|at|in)\s+(?:(?:a|the|an)\s+)?(?:\w+\s+)?hospital|hospitali[sz]ed|admitted|moved|taken|transferred|evacuated|airlifted|rushed|flown|fled|escaped|buried|funeral|returned|travel(?:l?ed)?|relocated|(?<!-)based|born|headquartered|lives?|lived|resident|native|hails|came|coming|headed|heading|bound|sent|deported|extradited|brought|driven\s+(?:back\s+)?to)\b[^.;]{0,60}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DisplacedPlaceContext();

    /// <summary>A hash of every cue, weapon, disaster, ordinary crime, reason, actor, home-country, theatre and word-class pattern ("lexicon-9f8e7d6c5b"): changes whenever an entry does.</summary>
    public static string Version => LexiconVersion.Value;

    private static readonly Lazy<string> LexiconVersion = new(() =>
    {
        var patterns = Cues.Select(c => $"{c.Cue}\t{c.Pattern}").Concat(Weapons.Select(w => $"{w.Weapon}\t{w.Pattern}")).Concat(Disasters.Select(d => $"disaster\t{d.Cause}\t{d.Pattern}")).Concat(MilitarySites.Select(m => $"disaster\t{MilitarySiteCause}\t{m}")).Concat(OrdinaryCrimes.Select(c => $"crime\t{c.Crime}\t{c.Pattern}")).Concat(Reasons.Select(r => r.ToString()))
            .Concat(ActorLexicon.Entries.Select(a => $"actor\t{a.Kind}\t{a.Named}\t{a.Name}\t{a.Pattern}"))
            .Concat(ConflictTheatres.HomeCountryEntries.Select(h => $"home\t{h.Code}\t{h.Pattern}"))
            .Concat(ConflictTheatres.TheatreEntries.Select(t => $"theatre\t{t.Code}\t{string.Join('|', t.Provinces)}\t{t.Pattern}"))
            .Concat(WordClasses.All.Select(w => $"word-class\t{w.Class}\t{w.Entries}"));
        var hash = System.IO.Hashing.XxHash3.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', patterns)));
        return $"lexicon-{hash:x16}"[..18];
    });
}
