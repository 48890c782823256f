using Vigil.Events;
using Vigil.Ingest;
using Vigil.Places;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Storage;

/// <summary>
/// The events an analyst codes from each page in Fixtures/dedup (invented outlets, reports written for these tests),
/// and which incident each reports. Pages n1–n5 are hard negatives: same place on another day, same day in another
/// place, another type at the same place and day, other actors at the same place and day, a week later.
/// </summary>
internal static class DedupFixtures
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "dedup");

    private static readonly Actor RussianAirForce = new("Russian air force", ActorKind.ExternalForces, null);
    private static readonly Actor Civilians = new("civilians", ActorKind.Civilians, null);
    private static readonly Actor KenyaProtesters = new("Protesters (Kenya)", ActorKind.Protesters, null);
    private static readonly Actor KenyaPolice = new("Police Forces of Kenya", ActorKind.StateForces, null);

    private static CasualtyCount AtLeast(int count) => new(count, count, null);

    public static readonly IReadOnlyDictionary<string, (string Incident, ConflictEvent Event)> Pages = new Dictionary<string, (string, ConflictEvent)>
    {
        ["a1-northern-dispatch.txt"] = ("A", Event("Air/drone strike", "2024-03-10", "Maarrat al-Numan", 35.6476, 36.6741, "SY", "Idlib",
            killed: Count(9), injured: new CasualtyCount(21, 21, null), perpetrators: [RussianAirForce], targets: [Civilians])),
        ["a2-levant-monitor.txt"] = ("A", Event("Air/drone strike", "2024-03-10", "Maarrat al-Numan", 35.6476, 36.6741, "SY", "Idlib",
            killed: AtLeast(12), perpetrators: [RussianAirForce], source: "monitoring group")),
        ["a3-coastal-herald.txt"] = ("A", Event("Air/drone strike", "2024-03-11", "Maarrat al-Numan", 35.66, 36.69, "SY", "Idlib",
            killed: Count(10), perpetrators: [new Actor("Syrian Arab Air Force", ActorKind.StateForces, null), new Actor("Russian warplanes", ActorKind.ExternalForces, null)],
            precision: PlacePrecision.NearTown, source: "residents")),
        ["b1-sahel-times.txt"] = ("B", Event("Attack", "2024-05-02", "Konduga", 11.6533, 13.4179, "NG", "Borno",
            killed: Count(5), perpetrators: [Iswap], targets: [new Actor("villagers", ActorKind.Civilians, null)], source: "community leader")),
        ["b2-lake-chad-post.txt"] = ("B", Event("Attack", "2024-05-02", "Konduga", 11.65, 13.42, "NG", "Borno",
            killed: Count(7), perpetrators: [new Actor("Islamic State West Africa Province", ActorKind.RebelGroup, null)], precision: PlacePrecision.Admin2, source: "police")),
        ["c1-east-africa-wire.txt"] = ("C", Event("Peaceful protest", "2024-06-25", "Nairobi", -1.2864, 36.8172, "KE", "Nairobi City",
            perpetrators: [KenyaProtesters], source: "organisers")),
        ["c2-rift-valley-voice.txt"] = ("C", Event("Protest with intervention", "2024-06-25", "Nairobi", -1.2841, 36.8155, "KE", "Nairobi City",
            perpetrators: [KenyaProtesters], targets: [KenyaPolice], source: "witnesses")),
        ["d1-horn-observer.txt"] = ("D", Event("Remote explosive/landmine/IED", "2024-02-14", "Mogadishu", 2.0469, 45.3182, "SO", "Banaadir",
            killed: Count(3), perpetrators: [Shabaab], source: "police")),
        ["d2-banadir-daily.txt"] = ("D", Event("Remote explosive/landmine/IED", "2024-02-14", "Mogadishu", 2.0371, 45.3438, "SO", "Banaadir",
            killed: Count(4), source: "hospital official")),
        ["n1-northern-dispatch.txt"] = ("N1", Event("Air/drone strike", "2024-03-20", "Maarrat al-Numan", 35.6476, 36.6741, "SY", "Idlib", killed: Count(2))),
        ["n2-levant-monitor.txt"] = ("N2", Event("Air/drone strike", "2024-03-10", "Aleppo", 36.2021, 37.1343, "SY", "Aleppo",
            killed: Count(8), perpetrators: [RussianAirForce], source: "monitoring group")),
        ["n3-horn-observer.txt"] = ("N3", Event("Peaceful protest", "2024-02-14", "Mogadishu", 2.0469, 45.3182, "SO", "Banaadir",
            perpetrators: [new Actor("Protesters (Somalia)", ActorKind.Protesters, null)])),
        ["n4-lake-chad-post.txt"] = ("N4", Event("Armed clash", "2024-05-02", "Konduga", 11.6533, 13.4179, "NG", "Borno",
            killed: Count(20), perpetrators: [new Actor("Nigerian Army", ActorKind.StateForces, null)], targets: [new Actor("Boko Haram", ActorKind.RebelGroup, null)], source: "army")),
        ["n5-east-africa-wire.txt"] = ("N5", Event("Protest with intervention", "2024-07-02", "Nairobi", -1.2864, 36.8172, "KE", "Nairobi City",
            perpetrators: [KenyaProtesters], targets: [KenyaPolice])),
    };

    /// <summary>A stand-in for the event extractor: the article as extracted, with the hand-coded event of its page.</summary>
    public static ProcessedPage Process(RawPage page) =>
        new(PageProcessors.ExtractArticle(page), Pages.TryGetValue(Path.GetFileName(page.Source), out var coded) ? [coded.Event] : []);
}
