using Vigil.Events;

namespace Vigil.Tests.Events;

/// <summary>The word classes the event rules test for, read from data/lexicon/en/word-classes.tsv.</summary>
public sealed class WordClassesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-word-classes-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void TheShippedClassesLoadWithTheirPlaceInTheText()
    {
        Assert.All(WordClasses.Needed.Keys, name => Assert.NotEmpty(WordClasses.All.Single(c => c.Class == name).Entries));
        Assert.Matches(WordClasses.ArmedDead, "seven killed, including two soldiers");
        Assert.DoesNotMatch(WordClasses.ArmedNoun, "a policeman"); // words: "police" only as a whole word
        Assert.Matches(WordClasses.CrowdNoun, "group of angry villagers");
        Assert.DoesNotMatch(WordClasses.CrowdNoun, "the villagers' lawyer"); // whole: the name must be the crowd
        Assert.Matches(EventPatterns.ArmedVictim, "two soldiers were killed");
        Assert.Matches(EventPatterns.ArmedVictim, "gunmen ambushed a police patrol");
        Assert.DoesNotMatch(EventPatterns.ArmedVictim, "two traders were killed");
    }

    [Fact]
    public void TheClassesOfSourcesCountsPlacesAndNamesLoad()
    {
        Assert.Matches(WordClasses.Hedge, "the attack could not be independently verified");
        Assert.DoesNotMatch(WordClasses.Hedge, "the claimant"); // words: "claim" forms only as whole words
        Assert.Equal(SourceKind.Monitor, SourceFinder.KindOf("Syrian Observatory for Human Rights"));
        Assert.Equal(SourceKind.Military, SourceFinder.KindOf("a spokesman for the army")); // the military classes come before the government's
        Assert.Matches(WordClasses.NotPeople, "cattle");
        Assert.DoesNotMatch(WordClasses.NotPeople, "cattle\n"); // whole: a word with a line break after it is not the word alone
        Assert.Matches(WordClasses.NotPlaces, "Ministry");
        Assert.DoesNotMatch(WordClasses.NotPlaces, "Ministry Road");
        Assert.Matches(WordClasses.NotPersonNames, "Governorate");
        Assert.Contains("woreda", WordClasses.PlaceFeatures, StringComparison.Ordinal);
        Assert.Contains("checkpoint", WordClasses.PlaceSites, StringComparison.Ordinal);
        Assert.Contains("tweeted", WordClasses.SayingVerbs, StringComparison.Ordinal);
        Assert.Contains("farmer", WordClasses.OnePerson, StringComparison.Ordinal);
    }

    [Fact]
    public void AClassTheProgramNeedsIsAnErrorNamingTheFileAndTheClassWhenMissing()
    {
        var path = Copy(lines => lines.Where(line => !line.StartsWith("FakeDevice\t", StringComparison.Ordinal)));
        var error = Assert.Throws<InvalidDataException>(() => WordClasses.Read(path));
        Assert.Equal($"lexicon file {path}: no entry for the word class FakeDevice, which the program needs (see {Path.Combine("data", "lexicon", "en", "README.md")})", error.Message);
    }

    [Fact]
    public void AnUnknownClassIsAnErrorNamingTheLine()
    {
        var path = Path.Combine(folder, WordClasses.File);
        File.WriteAllText(path, "# a comment\nWordOfDeath\tdied\nWordsOfDeath\tperished\t# a typo\n");
        var error = Assert.Throws<InvalidDataException>(() => WordClasses.Read(path));
        Assert.StartsWith($"lexicon file {path}, line 3: unknown word class \"WordsOfDeath\" (the classes are ArmedDead, ", error.Message);
    }

    [Theory]
    [InlineData("ArmedDead\tdied|(\n", "line 1: invalid regular expression")]
    [InlineData("ArmedDead\ts?\n", "line 1: the pattern s? matches empty text, so it would match everywhere")]
    [InlineData("ArmedDead soldiers\n", "line 1: wrong field count")]
    public void AMalformedLineIsAnErrorNamingTheLine(string text, string reason)
    {
        var path = Path.Combine(folder, WordClasses.File);
        File.WriteAllText(path, text);
        Assert.StartsWith($"lexicon file {path}, {reason}", Assert.Throws<InvalidDataException>(() => WordClasses.Read(path)).Message);
    }

    [Fact]
    public void AWordAddedToTheFileIsFoundWhereTheClassSaysWithoutARebuild()
    {
        Assert.DoesNotMatch(WordClasses.ArmedDead, "seven killed, including two peacekeepers");
        var edited = WordClasses.Read(Copy(lines => lines.Append("ArmedDead\tpeacekeepers?\t# UN troops").Append("CrowdNoun\therders")));
        Assert.Matches(edited.Regex(nameof(WordClasses.ArmedDead)), "seven killed, including two peacekeepers");
        Assert.DoesNotMatch(edited.Regex(nameof(WordClasses.ArmedDead)), "the peacekeeping mission");
        Assert.Matches(edited.Regex(nameof(WordClasses.CrowdNoun)), "herders");
        Assert.DoesNotMatch(edited.Regex(nameof(WordClasses.CrowdNoun)), "herders' leaders");
    }

    [Fact]
    public void AWordTakenOutOfTheFileIsNoLongerFound()
    {
        Assert.Matches(WordClasses.WordOfDeath, "the martyrs of the uprising");
        var edited = WordClasses.Read(Copy(lines => lines.Select(line => line.Replace(@"|martyr\w*", "", StringComparison.Ordinal))));
        Assert.DoesNotMatch(edited.Regex(nameof(WordClasses.WordOfDeath)), "the martyrs of the uprising");
        Assert.Matches(edited.Regex(nameof(WordClasses.WordOfDeath)), "the death toll rose");
    }

    [Fact]
    public void AWordEditedInTheFileChangesWhatCountsAsPeopleAndWhatAsASource()
    {
        // "40 boats sank" counts no one once boats are no people; "Reuters" is no longer media once taken out.
        Assert.DoesNotMatch(WordClasses.NotPeople, "boats");
        Assert.Matches(WordClasses.MediaSource, "Reuters");
        var edited = WordClasses.Read(Copy(lines => lines
            .Select(line => line.StartsWith("NotPeople\t", StringComparison.Ordinal) ? line.Replace("houses|", "houses|boats|", StringComparison.Ordinal) : line)
            .Select(line => line.StartsWith("MediaSource\t", StringComparison.Ordinal) ? line.Replace("Reuters|", "", StringComparison.Ordinal) : line)));
        Assert.Matches(edited.Regex(nameof(WordClasses.NotPeople)), "boats");
        Assert.Matches(edited.Regex(nameof(WordClasses.NotPeople)), "houses");
        Assert.DoesNotMatch(edited.Regex(nameof(WordClasses.MediaSource)), "Reuters");
        Assert.Matches(edited.Regex(nameof(WordClasses.MediaSource)), "AFP");
    }

    /// <summary>A copy of the shipped file, its lines changed by <paramref name="edit"/>.</summary>
    private string Copy(Func<IEnumerable<string>, IEnumerable<string>> edit)
    {
        var path = Path.Combine(folder, WordClasses.File);
        File.WriteAllLines(path, edit(File.ReadAllLines(LexiconFiles.Find(WordClasses.File))));
        return path;
    }
}
