using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Places;

namespace Vigil.Events;

/// <summary>A person the document names, with everything the text says about them, and each place they are mentioned.</summary>
internal sealed class Person(string name)
{
    public string Name { get; set; } = name;

    public int? Age { get; set; }

    public Gender? Gender { get; set; }

    /// <summary>A kinship word and the person it is relative to ("mother" of "Omar Bakri al-Hassan").</summary>
    public string? Relation { get; set; }

    public Person? RelativeOf { get; set; }

    public string? Group { get; set; }

    public List<TextSpan> Mentions { get; } = [];
}

/// <summary>
/// A small, general co-reference resolver for one article: finds named people (from the entity layer when present,
/// else from capitalised sequences that look like personal names), then binds later references to them: title plus
/// surname ("Ms al-Hassan"), a first name alone, a kinship noun bound to its possessor ("his mother Samira" is the
/// mother of the most recent male person), and a pronoun to the most recent compatible named person.
/// </summary>
internal static partial class PersonResolver
{
    private static readonly Dictionary<string, Gender?> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Mr"] = Gender.Male,
        ["Mrs"] = Gender.Female,
        ["Ms"] = Gender.Female,
        ["Miss"] = Gender.Female,
        ["Dr"] = null,
        ["Sheikh"] = Gender.Male,
        ["President"] = null,
        ["General"] = null,
        ["Gen"] = null,
        ["Colonel"] = null,
        ["Col"] = null,
        ["Captain"] = null,
        ["Commander"] = null,
        ["Minister"] = null,
        ["Governor"] = null,
        ["Senator"] = null,
        ["Sir"] = Gender.Male,
        ["Lady"] = Gender.Female,
        ["Imam"] = Gender.Male,
        ["Father"] = Gender.Male,
        ["Pastor"] = null,
        ["Bishop"] = null,
        ["Prince"] = Gender.Male,
        ["King"] = Gender.Male,
        ["Queen"] = Gender.Female,
    };

    private static readonly Dictionary<string, Gender?> KinNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mother"] = Gender.Female,
        ["father"] = Gender.Male,
        ["son"] = Gender.Male,
        ["daughter"] = Gender.Female,
        ["wife"] = Gender.Female,
        ["husband"] = Gender.Male,
        ["brother"] = Gender.Male,
        ["sister"] = Gender.Female,
        ["uncle"] = Gender.Male,
        ["aunt"] = Gender.Female,
        ["cousin"] = null,
        ["nephew"] = Gender.Male,
        ["niece"] = Gender.Female,
        ["grandmother"] = Gender.Female,
        ["grandfather"] = Gender.Male,
        ["grandson"] = Gender.Male,
        ["granddaughter"] = Gender.Female,
        ["child"] = null,
        ["stepmother"] = Gender.Female,
        ["stepfather"] = Gender.Male,
        ["fiancée"] = Gender.Female,
        ["fiance"] = Gender.Male,
        ["girlfriend"] = Gender.Female,
        ["boyfriend"] = Gender.Male,
        ["mum"] = Gender.Female,
        ["mom"] = Gender.Female,
        ["dad"] = Gender.Male,
        ["parents"] = null,
    };

    [GeneratedRegex(@"(?<![\w'’-])(?:(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Za-z][a-zà-ÿ'’]+)*|(?:al|el|ad|as|ash|an|ar)-[A-Z][a-zà-ÿ'’]+)(?:\s+(?:(?:bin|ibn|bint|abu|abd|de|da|dos|del|van|von|ould|ag)\s+)?(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Za-z][a-zà-ÿ'’]+)*|(?:al|el|ad|as|ash|an|ar)-[A-Z][a-zà-ÿ'’]+))*)", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedSequence();

    [GeneratedRegex(@"^\s*,\s*(?<age>\d{1,3})\s*(?:,|\)|$|\.|\s+(?:and|was|were|who|had|is))|^\s*\((?<age>\d{1,3})\)|^\s*,\s*aged\s+(?<age>\d{1,3})", RegexOptions.CultureInvariant)]
    private static partial Regex AgeAfter();

    [GeneratedRegex(@"(?<age>\d{1,3})-year-old\s+(?:\w+\s+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex AgeBefore();

    [GeneratedRegex(@"\b(?<poss>his|her|their|[A-Z][\w'’-]+(?:'s|’s))\s+(?:own\s+|late\s+|elder\s+|younger\s+|eldest\s+|youngest\s+|\d+-year-old\s+)?(?<kin>mother|father|son|daughter|wife|husband|brother|sister|uncle|aunt|cousin|nephew|niece|grandmother|grandfather|grandson|granddaughter|stepmother|stepfather|mum|mom|dad)\b", RegexOptions.CultureInvariant)]
    private static partial Regex KinPhrase();

    [GeneratedRegex(@"\b(?:he|him|his|himself)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MalePronoun();

    [GeneratedRegex(@"\b(?:in|near|outside|around|across|towards|into)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LocativeBefore();

    [GeneratedRegex(@"\b(?:she|her|hers|herself)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FemalePronoun();

    /// <summary>The people of a document and, for each kinship phrase, the person it denotes.</summary>
    public static PersonIndex Resolve(Document document)
    {
        var text = document.Text;
        var people = new List<Person>();
        var candidates = new List<(TextSpan Span, string Name, Gender? Gender, bool Sure)>();

        if (document.Entities.Count > 0)
        {
            foreach (var entity in document.Entities.Where(e => e.Label == "PER"))
            {
                // The entity model reads an unfamiliar town as a name now and then; people are seldom "in" or "near" someone.
                if (LocativeBefore().IsMatch(text.AsSpan(Math.Max(0, entity.Span.Start - 16), Math.Min(16, entity.Span.Start))) && !text.AsSpan(entity.Span.End).StartsWith("'s", StringComparison.Ordinal) && !text.AsSpan(entity.Span.End).StartsWith("’s", StringComparison.Ordinal))
                {
                    continue;
                }

                // Nor does a name end in a building or a body ("Al Noor Mosque", "Islamic State"), whatever the model read.
                if (entity.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [.., var last] && WordClasses.NotPersonNames.IsMatch(last))
                {
                    continue;
                }

                candidates.Add((entity.Span, entity.Text, null, true));
            }
        }
        else
        {
            foreach (Match match in CapitalisedSequence().Matches(text))
            {
                var (span, name, gender, sure) = Trim(text, match);
                if (name.Length > 0)
                {
                    candidates.Add((span, name, gender, sure));
                }
            }
        }

        var kinMentions = new List<(TextSpan Span, string Kin, string Possessor)>();
        foreach (Match kin in KinPhrase().Matches(text))
        {
            kinMentions.Add((new TextSpan(kin.Index, kin.Index + kin.Length), kin.Groups["kin"].Value.ToLowerInvariant(), kin.Groups["poss"].Value));
        }

        var index = new PersonIndex(people);
        foreach (var (span, name, gender, sure) in candidates.OrderBy(c => c.Span.Start))
        {
            var kinBefore = kinMentions.LastOrDefault(k => k.Span.End <= span.Start && span.Start - k.Span.End <= 2);
            if (!sure && kinBefore.Kin is null && !LooksLikePersonalName(text, span, name))
            {
                continue;
            }

            var person = index.Bind(name, span.Start, gender) ?? Add(people, name);
            person.Mentions.Add(span);
            person.Gender ??= gender;
            person.Age ??= AgeOf(text, span);
            if (kinBefore.Kin is not null && person.Relation is null)
            {
                person.Relation = kinBefore.Kin;
                person.Gender ??= KinNouns.GetValueOrDefault(kinBefore.Kin);
                person.RelativeOf = index.Possessor(text, kinBefore.Possessor, kinBefore.Span.Start, exclude: person);
                index.KinSpans[kinBefore.Span] = person;
            }
        }

        // Kinship phrases with no name ("executed his own mother") still denote a person, named later or not at all.
        foreach (var (span, kin, possessor) in kinMentions)
        {
            if (index.KinSpans.ContainsKey(span))
            {
                continue;
            }

            var owner = index.Possessor(text, possessor, span.Start, exclude: null);
            var known = people.FirstOrDefault(p => p.Relation == kin && p.RelativeOf == owner && owner is not null);
            if (known is null)
            {
                known = Add(people, string.Empty);
                known.Relation = kin;
                known.RelativeOf = owner;
                known.Gender = KinNouns.GetValueOrDefault(kin);
            }

            known.Mentions.Add(span);
            index.KinSpans[span] = known;
        }

        InferGender(text, people);
        return index;
    }

    private static Person Add(List<Person> people, string name)
    {
        var person = new Person(name);
        people.Add(person);
        return person;
    }

    /// <summary>Strips a leading title (keeping its gender) and sentence-opening words from a capitalised sequence.</summary>
    private static (TextSpan Span, string Name, Gender? Gender, bool Sure) Trim(string text, Match match)
    {
        var words = match.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = match.Index;
        Gender? gender = null;
        var sure = false;
        var skip = 0;
        while (skip < words.Length && (Titles.TryGetValue(words[skip].TrimEnd('.'), out var titleGender) || WordClasses.NotPersonNames.IsMatch(words[skip])))
        {
            if (Titles.TryGetValue(words[skip].TrimEnd('.'), out titleGender))
            {
                gender ??= titleGender;
                sure = true;
            }

            start = text.IndexOf(words[skip], start, StringComparison.Ordinal) + words[skip].Length;
            skip++;
        }

        // A title just before the sequence ("Ms. al-Hassan", "Mr al-Tikriti").
        var before = text[Math.Max(0, match.Index - 6)..match.Index];
        var titleBefore = Regex.Match(before, @"\b(Mr|Mrs|Ms|Miss|Dr)\.?\s*$");
        if (titleBefore.Success)
        {
            gender ??= Titles[titleBefore.Groups[1].Value];
            sure = true;
        }

        var rest = words.Skip(skip).ToList();
        if (rest.Any(word => WordClasses.NotPersonNames.IsMatch(word) && !Titles.ContainsKey(word)) || Countries.FromName(string.Join(' ', rest)) is not null || rest.Any(w => Countries.FromAdjective(w) is not null))
        {
            return (default, string.Empty, null, false);
        }

        var name = Regex.Replace(string.Join(' ', rest), "(?:'s|’s|'|’)$", string.Empty);
        var nameStart = name.Length == 0 ? start : text.IndexOf(rest[0], start, StringComparison.Ordinal);
        return (new TextSpan(nameStart, nameStart + name.Length), name, gender, sure);
    }

    /// <summary>A capitalised sequence without a title is taken as a personal name only on evidence: an age beside it,
    /// an Arabic-style particle, or two or more words introduced by a role noun or followed by a reporting or action verb.</summary>
    private static bool LooksLikePersonalName(string text, TextSpan span, string name)
    {
        if (AgeOf(text, span) is not null)
        {
            return true;
        }

        var words = name.Split(' ');
        var before = text[Math.Max(0, span.Start - 40)..span.Start];
        var after = text[span.End..Math.Min(text.Length, span.End + 30)];
        if (Regex.IsMatch(before, @"\b(?:in|at|near|from|to|of|outside|into|across|towards?)\s+(?:the\s+)?$", RegexOptions.IgnoreCase))
        {
            return false;
        }

        if (Regex.IsMatch(after, @"^\s*(?:town|city|village|district|province|region|state|county|area|camp|LGA|municipality|governorate|community|valley)\b", RegexOptions.IgnoreCase))
        {
            return false;
        }

        var particle = words.Any(w => Regex.IsMatch(w, @"^(?:al|el|ad|as|ash|an|ar)-|^(?:Abu|Abd|Bin|Ibn)$", RegexOptions.IgnoreCase));
        var roleBefore = Regex.IsMatch(before, @"\b(?:jihadi|militant|fighter|spokesman|spokeswoman|leader|commander|chief|activist|journalist|resident|witness|farmer|teacher|doctor|victim|suspect|named|identified\s+as|called|chairman|official|officer|soldier|member|son|daughter|brother|sister|wife|husband|man|woman)\s*,?\s*$", RegexOptions.IgnoreCase);
        var verbAfter = Regex.IsMatch(after, @"^\s*(?:,\s*(?:who|a|an|the)\b|(?:said|says|told|was|were|has|had|is|shot|killed|executed|attacked|stabbed|died|reported|added|claimed|denied|accused|fled)\b)", RegexOptions.IgnoreCase);
        return particle ? words.Length >= 1 && (words.Length >= 2 || verbAfter || roleBefore) : words.Length >= 2 && (roleBefore || verbAfter);
    }

    private static int? AgeOf(string text, TextSpan span)
    {
        var after = AgeAfter().Match(text[span.End..Math.Min(text.Length, span.End + 20)]);
        if (after.Success)
        {
            return int.Parse(after.Groups["age"].Value, CultureInfo.InvariantCulture);
        }

        var before = AgeBefore().Match(text[Math.Max(0, span.Start - 30)..span.Start]);
        return before.Success ? int.Parse(before.Groups["age"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Gender from the pronouns that follow a person's mentions before anyone else is mentioned.</summary>
    private static void InferGender(string text, List<Person> people)
    {
        var mentions = people.SelectMany(p => p.Mentions.Select(m => (Person: p, Span: m))).OrderBy(m => m.Span.Start).ToList();
        for (var i = 0; i < mentions.Count; i++)
        {
            var (person, span) = mentions[i];
            if (person.Gender is not null)
            {
                continue;
            }

            var end = i + 1 < mentions.Count ? mentions[i + 1].Span.Start : Math.Min(text.Length, span.End + 200);
            var window = text[span.End..Math.Max(span.End, Math.Min(end, span.End + 200))];
            var male = MalePronoun().Matches(window).Count;
            var female = FemalePronoun().Matches(window).Count;
            if (male > 0 && female == 0)
            {
                person.Gender = Gender.Male;
            }
            else if (female > 0 && male == 0)
            {
                person.Gender = Gender.Female;
            }
        }
    }
}

/// <summary>The people of one document, with lookups from a text position to the person meant there.</summary>
internal sealed class PersonIndex(List<Person> people)
{
    public List<Person> People { get; } = people;

    public Dictionary<TextSpan, Person> KinSpans { get; } = [];

    /// <summary>An earlier person a new name refers to: same full name, a surname or first name alone, or a first name
    /// that a later full name completes ("Samira" then "Samira al-Hassan").</summary>
    public Person? Bind(string name, int position, Gender? gender)
    {
        var words = name.Split(' ');
        var earlier = People.Where(p => p.Name.Length > 0 && p.Mentions.Count > 0 && p.Mentions[0].Start < position).Reverse();
        foreach (var person in earlier.Where(p => gender is null || p.Gender is null || p.Gender == gender).OrderBy(p => gender is not null && p.Gender == gender ? 0 : 1))
        {
            var known = person.Name.Split(' ');
            if (person.Name == name || (words.Length == 1 && (known[^1].Equals(name, StringComparison.OrdinalIgnoreCase) || known[0] == name)))
            {
                return person;
            }

            if (known.Length == 1 && words.Length > 1 && words[0] == known[0])
            {
                person.Name = name;
                return person;
            }

            if (words.Length < known.Length && words.Length > 0 && known.TakeLast(words.Length).SequenceEqual(words, StringComparer.OrdinalIgnoreCase))
            {
                return person;
            }
        }

        return null;
    }

    /// <summary>The person a possessive refers to: a name ("Ali's") or a pronoun bound to the most recent named person of its gender.</summary>
    public Person? Possessor(string text, string possessor, int position, Person? exclude)
    {
        var lower = possessor.ToLowerInvariant();
        Gender? gender = lower switch { "his" => Gender.Male, "her" => Gender.Female, _ => null };
        if (lower is not ("his" or "her" or "their"))
        {
            var bare = possessor.TrimEnd('s').TrimEnd('\'', '’');
            return People.FirstOrDefault(p => p.Name.Length > 0 && p.Name.Split(' ').Contains(bare));
        }

        return MostRecent(position, gender, exclude);
    }

    /// <summary>The most recently mentioned named person before a position whose gender is compatible.</summary>
    public Person? MostRecent(int position, Gender? gender, Person? exclude)
    {
        Person? best = null;
        var bestPosition = -1;
        foreach (var person in People)
        {
            if (person == exclude || person.Name.Length == 0 || (gender is not null && person.Gender is not null && person.Gender != gender))
            {
                continue;
            }

            foreach (var mention in person.Mentions)
            {
                if (mention.Start < position && mention.Start > bestPosition)
                {
                    best = person;
                    bestPosition = mention.Start;
                }
            }
        }

        return best;
    }

    /// <summary>The person mentioned at a span (a name or a kinship phrase), if any.</summary>
    public Person? At(TextSpan span) =>
        KinSpans.FirstOrDefault(pair => pair.Key.Overlaps(span)).Value ?? People.FirstOrDefault(p => p.Mentions.Any(m => m.Overlaps(span)));
}
