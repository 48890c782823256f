using System.Text.RegularExpressions;

namespace Vigil.Events;

/// <summary>
/// Words of a kind that the event rules test for (words of death, armed men, crowds, firearms, exchanged fire, hedges,
/// the kinds of a source, words that are no count of people or no place), read
/// from <c>data/lexicon/en/word-classes.tsv</c> (<see cref="File"/>, found by <see cref="LexiconFiles"/>) so that an
/// analyst edits them without a rebuild. A class's entries join as one expression <c>(?:a)|(?:b)|...</c> in file
/// order. Where the words must stand (<see cref="Fit"/>) is the code's part, since it follows from how the code uses
/// the class, and so the file holds only words.
/// </summary>
internal static class WordClasses
{
    public const string File = "word-classes.tsv";

    /// <summary>
    /// Compiled: the classes are tried on every sentence of every incident, as the source-generated expressions they
    /// replace were. Each entry is first checked alone without compiling it.
    /// </summary>
    internal const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>How a class's words must stand in the text it is tried on.</summary>
    internal enum Fit
    {
        /// <summary>Anywhere, as whole words: <c>\b(?:class)\b</c>.</summary>
        Words,

        /// <summary>As the whole text (an actor's name, a cue's words, one word): <c>^(?:class)\z</c>, so that a word with a line break after it is not taken for the word alone.</summary>
        Whole,

        /// <summary>Inside a longer expression whose grammar is the code's, which takes the class's entries.</summary>
        Part,
    }

    /// <summary>The classes the code needs and how each must stand: a class the file lacks, or one it has and this lacks, is an error.</summary>
    internal static readonly IReadOnlyDictionary<string, Fit> Needed = new Dictionary<string, Fit>(StringComparer.Ordinal)
    {
        [nameof(ArmedDead)] = Fit.Words,
        [nameof(ArmedVictims)] = Fit.Part,
        [nameof(ArmedTargets)] = Fit.Part,
        [nameof(ArmedNoun)] = Fit.Words,
        [nameof(SettlesAConflict)] = Fit.Words,
        [nameof(OffDuty)] = Fit.Words,
        [nameof(SubduesTheAssailant)] = Fit.Words,
        [nameof(ForcesPremises)] = Fit.Part,
        [nameof(MutualFire)] = Fit.Words,
        [nameof(FireExchanged)] = Fit.Words,
        [nameof(Firearms)] = Fit.Words,
        [nameof(CrowdClash)] = Fit.Words,
        [nameof(CrowdSubject)] = Fit.Words,
        [nameof(CrowdNoun)] = Fit.Whole,
        [nameof(Demonstrators)] = Fit.Words,
        [nameof(WordOfDeath)] = Fit.Words,
        [nameof(FakeDevice)] = Fit.Words,
        [nameof(DamageAlone)] = Fit.Whole,
        [nameof(ArrestAsGrievance)] = Fit.Whole,
        [nameof(HarmAsGrievance)] = Fit.Part,
        [nameof(UnrestTrigger)] = Fit.Part,
        [nameof(HarmAsBlame)] = Fit.Part,
        [nameof(NameAfterDate)] = Fit.Part,
        [nameof(FiguredFoe)] = Fit.Part,
        [nameof(CrowdProtestAct)] = Fit.Words,
        [nameof(ProtestInWords)] = Fit.Whole,
        [nameof(ThrownByCrowds)] = Fit.Words,
        [nameof(CountryAsActor)] = Fit.Part,
        [nameof(AtSea)] = Fit.Words,
        [nameof(Kin)] = Fit.Part,
        [nameof(Hedge)] = Fit.Words,
        [nameof(ActivistSource)] = Fit.Words,
        [nameof(MonitorSource)] = Fit.Words,
        [nameof(MilitarySource)] = Fit.Words,
        [nameof(GovernmentSource)] = Fit.Words,
        [nameof(WitnessSource)] = Fit.Words,
        [nameof(MediaSource)] = Fit.Words,
        [nameof(NotPeople)] = Fit.Whole,
        [nameof(NotPlaces)] = Fit.Whole,
        [nameof(NotPersonNames)] = Fit.Whole,
        [nameof(SayingVerbs)] = Fit.Part,
        [nameof(PlaceFeatures)] = Fit.Part,
        [nameof(PlaceSites)] = Fit.Part,
        [nameof(OnePerson)] = Fit.Part,
        [nameof(StruckToo)] = Fit.Part,
    };

    /// <summary>Armed men among the dead an incident counts ("including two attackers").</summary>
    public static Regex ArmedDead => Loaded.Value.Regex(nameof(ArmedDead));

    /// <summary>Armed men told as killed or wounded ("two soldiers were killed"): a part of <see cref="EventPatterns.ArmedVictim"/>.</summary>
    public static string ArmedVictims => Loaded.Value.Entries(nameof(ArmedVictims));

    /// <summary>Armed men and their posts after a verb of harm ("ambushed a police patrol"): a part of <see cref="EventPatterns.ArmedVictim"/>.</summary>
    public static string ArmedTargets => Loaded.Value.Entries(nameof(ArmedTargets));

    /// <summary>Words after a country's name that make it the actor, not the place ("U.S. forces", "the U.S. said"): a part of <see cref="IncidentCountry"/>'s test of a name used as an adjective.</summary>
    public static string CountryAsActor => Loaded.Value.Entries(nameof(CountryAsActor));

    /// <summary>A relative named after a possessive ("his wife"): a part of <see cref="CasualtyFinder"/>'s coordinated counts.</summary>
    public static string Kin => Loaded.Value.Entries(nameof(Kin));

    /// <summary>An act told at sea ("in the Caribbean", "in the Strait of Hormuz", "in international waters").</summary>
    public static Regex AtSea => Loaded.Value.Regex(nameof(AtSea));

    /// <summary>Armed men, or their fighting, in a sentence ("forces", "militants", "a shootout").</summary>
    public static Regex ArmedNoun => Loaded.Value.Regex(nameof(ArmedNoun));

    /// <summary>What an agreement between parties to a conflict settles or exchanges ("a ceasefire", "a prisoner swap", "rebels").</summary>
    public static Regex SettlesAConflict => Loaded.Value.Regex(nameof(SettlesAConflict));

    /// <summary>Force or arrest that ends an attack ("the attacker was shot dead by police"): who acts there responded to the incident.</summary>
    public static Regex SubduesTheAssailant => Loaded.Value.Regex(nameof(SubduesTheAssailant));

    /// <summary>An armed man attacked off duty or at home ("shot in his shop").</summary>
    public static Regex OffDuty => Loaded.Value.Regex(nameof(OffDuty));

    /// <summary>Fighting told as two-sided ("clashes", "returned fire").</summary>
    public static Regex MutualFire => Loaded.Value.Regex(nameof(MutualFire));

    /// <summary>Fire told as exchanged, in words that mean nothing else ("a gunfight", "traded fire").</summary>
    public static Regex FireExchanged => Loaded.Value.Regex(nameof(FireExchanged));

    /// <summary>Guns and shooting.</summary>
    public static Regex Firearms => Loaded.Value.Regex(nameof(Firearms));

    /// <summary>Unarmed groups that fight one another ("between two clans", "villagers").</summary>
    public static Regex CrowdClash => Loaded.Value.Regex(nameof(CrowdClash));

    /// <summary>A crowd as a lead sentence's subject ("a group of 10 youths").</summary>
    public static Regex CrowdSubject => Loaded.Value.Regex(nameof(CrowdSubject));

    /// <summary>The whole name of a civilian actor that is a crowd ("villagers", "group of farmers").</summary>
    public static Regex CrowdNoun => Loaded.Value.Regex(nameof(CrowdNoun));

    /// <summary>A protest, march or crowd.</summary>
    public static Regex Demonstrators => Loaded.Value.Regex(nameof(Demonstrators));

    /// <summary>A word that tells a death.</summary>
    public static Regex WordOfDeath => Loaded.Value.Regex(nameof(WordOfDeath));

    /// <summary>A fake bomb ("a fake suicide vest").</summary>
    public static Regex FakeDevice => Loaded.Value.Regex(nameof(FakeDevice));

    /// <summary>A cue's whole words when they tell only damage ("destroyed").</summary>
    public static Regex DamageAlone => Loaded.Value.Regex(nameof(DamageAlone));

    /// <summary>An arrest cue's whole words when they name an arrest as a grievance ("arrests") rather than tell one.</summary>
    public static Regex ArrestAsGrievance => Loaded.Value.Regex(nameof(ArrestAsGrievance));

    /// <summary>Words right before a harm that a protest is about ("protesting against | the killing of"): a part of <see cref="CasualtyFinder"/>'s grievance test.</summary>
    public static string HarmAsGrievance => Loaded.Value.Entries(nameof(HarmAsGrievance));

    /// <summary>Words of unrest before "after" or "following": a harm told right after them set the unrest off (<see cref="CasualtyFinder"/>).</summary>
    public static string UnrestTrigger => Loaded.Value.Entries(nameof(UnrestTrigger));

    public static string HarmAsBlame => Loaded.Value.Entries(nameof(HarmAsBlame));

    public static string NameAfterDate => Loaded.Value.Entries(nameof(NameAfterDate));

    /// <summary>What a fight or an attack is waged on as a figure of speech ("corruption", "the virus"): part of <see cref="EventLexicon.Figurative"/>.</summary>
    public static string FiguredFoe => Loaded.Value.Entries(nameof(FiguredFoe));

    /// <summary>A crowd's act of protest in the street ("demonstrated", "staged a sit-in"), not a protest in words: see <see cref="IncidentTyper"/>.</summary>
    public static Regex CrowdProtestAct => Loaded.Value.Regex(nameof(CrowdProtestAct));

    /// <summary>A protest cue's words that tell a protest in writing or by abstaining ("petition", "boycott"), not a crowd's act: see <see cref="IncidentTyper"/>.</summary>
    public static Regex ProtestInWords => Loaded.Value.Regex(nameof(ProtestInWords));

    /// <summary>What a crowd throws ("stones", "petrol bombs") in a cue of protesters' violence: see <see cref="IncidentTyper"/>.</summary>
    public static Regex ThrownByCrowds => Loaded.Value.Regex(nameof(ThrownByCrowds));

    /// <summary>A word that leaves a claim unconfirmed ("reportedly", "is believed to").</summary>
    public static Regex Hedge => Loaded.Value.Regex(nameof(Hedge));

    /// <summary>A source's name that makes it an activist group ("activists", "rights groups"): see <see cref="SourceFinder.KindOf"/>.</summary>
    public static Regex ActivistSource => Loaded.Value.Regex(nameof(ActivistSource));

    /// <summary>A source's name that makes it a monitor ("observatory", "the UN").</summary>
    public static Regex MonitorSource => Loaded.Value.Regex(nameof(MonitorSource));

    /// <summary>A source's name that makes it the military ("the army", "a colonel").</summary>
    public static Regex MilitarySource => Loaded.Value.Regex(nameof(MilitarySource));

    /// <summary>A source's name that makes it the government ("officials", "the police").</summary>
    public static Regex GovernmentSource => Loaded.Value.Regex(nameof(GovernmentSource));

    /// <summary>A source's name that makes it a witness ("residents", "relatives").</summary>
    public static Regex WitnessSource => Loaded.Value.Regex(nameof(WitnessSource));

    /// <summary>A source's name that makes it a news outlet ("a news agency", "Reuters").</summary>
    public static Regex MediaSource => Loaded.Value.Regex(nameof(MediaSource));

    /// <summary>The whole first word after a number that makes it no count of people ("km", "hours", "March", "cattle").</summary>
    public static Regex NotPeople => Loaded.Value.Regex(nameof(NotPeople));

    /// <summary>A whole capitalised word that is no place's name, nor its first word ("March", "Ministry", "Mr").</summary>
    public static Regex NotPlaces => Loaded.Value.Regex(nameof(NotPlaces));

    /// <summary>A whole capitalised word that opens a sentence or names a thing other than a person, so begins no personal name ("According", "Police").</summary>
    public static Regex NotPersonNames => Loaded.Value.Regex(nameof(NotPersonNames));

    /// <summary>The verbs that attribute a claim to its subject ("the army said"): a part of <see cref="SourceFinder"/>'s subject and verb, matched as written (case-sensitively).</summary>
    public static string SayingVerbs => Loaded.Value.Entries(nameof(SayingVerbs));

    /// <summary>The feature words written with a place's name ("the town of X", "X district"): a part of <see cref="PlaceFinder"/>'s places, matched as written.</summary>
    public static string PlaceFeatures => Loaded.Value.Entries(nameof(PlaceFeatures));

    /// <summary>A building or post written right after a forces descriptor ("police headquarters"): a part of <see cref="ActorFinder"/>'s perpetrators, matched after the descriptor.</summary>
    public static string ForcesPremises => Loaded.Value.Entries(nameof(ForcesPremises));

    /// <summary>The sites at a place written after its name ("X checkpoint"): a part of <see cref="PlaceFinder"/>'s places, matched as written.</summary>
    public static string PlaceSites => Loaded.Value.Entries(nameof(PlaceSites));

    /// <summary>A noun of one person ("the farmer") told as dead with no number: a part of <see cref="CasualtyFinder"/>'s counts.</summary>
    public static string OnePerson => Loaded.Value.Entries(nameof(OnePerson));

    /// <summary>Verbs that tell a place was hit, with no kind of attack of their own ("bombed", "struck"): a part of <see cref="IncidentFinder"/>'s "also" rule.</summary>
    public static string StruckToo => Loaded.Value.Entries(nameof(StruckToo));

    /// <summary>Each class with its joined entries, in <see cref="Needed"/>'s order: part of the lexicon version.</summary>
    public static IEnumerable<(string Class, string Entries)> All => Needed.Keys.Select(name => (name, Loaded.Value.Entries(name)));

    private static readonly Lazy<WordClassSet> Loaded = new(() => Read(LexiconFiles.Find(File)));

    /// <summary>
    /// The word classes of the file at <paramref name="path"/>; an error that names the file (and the line, for a line
    /// at fault) on a malformed line, a class the code does not know, or a class it needs that has no entry.
    /// </summary>
    internal static WordClassSet Read(string path)
    {
        var entries = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in LexiconFiles.ReadFile(path, Options & ~RegexOptions.Compiled))
        {
            if (!Needed.ContainsKey(entry.Key))
            {
                throw LexiconFiles.Error(entry.Path, entry.Line, $"unknown word class \"{entry.Key}\" (the classes are {string.Join(", ", Needed.Keys)})");
            }

            if (!entries.TryGetValue(entry.Key, out var list))
            {
                entries[entry.Key] = list = [];
            }

            list.Add(entry.Pattern);
        }

        var missing = Needed.Keys.Where(name => !entries.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"lexicon file {path}: no entry for the word class{(missing.Count > 1 ? "es" : "")} {string.Join(", ", missing)}, which the program needs (see {Path.Combine(LexiconFiles.RelativeFolder, "README.md")})");
        }

        var joined = entries.ToDictionary(e => e.Key, e => string.Join('|', e.Value.Select(p => $"(?:{p})")), StringComparer.Ordinal);
        var regexes = new Dictionary<string, Regex>(StringComparer.Ordinal);
        foreach (var (name, fit) in Needed)
        {
            var pattern = fit switch
            {
                Fit.Words => $@"\b(?:{joined[name]})\b",
                Fit.Whole => $@"^(?:{joined[name]})\z",
                _ => $"(?:{joined[name]})",
            };
            try
            {
                var regex = new Regex(pattern, fit == Fit.Part ? Options & ~RegexOptions.Compiled : Options);
                if (fit != Fit.Part)
                {
                    regexes[name] = regex;
                }
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"lexicon file {path}: the entries of the word class {name} do not compile together: {e.Message}", e);
            }
        }

        return new WordClassSet(joined, regexes);
    }
}

/// <summary>The word classes read from one file: each class's joined entries, and the expression of each class that stands alone.</summary>
internal sealed class WordClassSet(IReadOnlyDictionary<string, string> entries, IReadOnlyDictionary<string, Regex> regexes)
{
    /// <summary>The class's entries as one alternation, <c>(?:a)|(?:b)|...</c>, for an expression of the code's own.</summary>
    public string Entries(string name) => entries[name];

    /// <summary>The class as an expression that finds its words where <see cref="WordClasses.Fit"/> says they stand.</summary>
    public Regex Regex(string name) => regexes[name];
}
