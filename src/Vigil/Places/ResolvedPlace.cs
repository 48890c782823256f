namespace Vigil.Places;

/// <summary>How exact a place is, in the two scales analysts code with.</summary>
/// <param name="AcledGeoPrecision">ACLED geo_precision: 1 the town itself, 2 near a town or a small area, 3 a region or province.</param>
/// <param name="UcdpWherePrecision">UCDP where_prec: 1 exact place, 2 within 25 km, 3 second-order admin area, 4 first-order admin area, 5 a stretch of border or a line, 6 the country, 7 international waters or airspace.</param>
public readonly record struct PlacePrecision(int AcledGeoPrecision, int UcdpWherePrecision)
{
    public static readonly PlacePrecision Town = new(1, 1);
    public static readonly PlacePrecision NearTown = new(2, 2);
    public static readonly PlacePrecision Admin2 = new(2, 3);
    public static readonly PlacePrecision Admin1 = new(3, 4);
    public static readonly PlacePrecision Country = new(3, 6);
}

/// <summary>A place name resolved to one gazetteer entry: where it is, in which country and province, and how exact.</summary>
/// <param name="Name">The gazetteer's name for the place (not the spelling in the text).</param>
/// <param name="Mention">Where the name stands in the document text, when it came from one.</param>
/// <param name="Score">How sure the resolver is, 0 to 1.</param>
public sealed record ResolvedPlace(
    string Name,
    double Latitude,
    double Longitude,
    string CountryCode,
    string? Admin1,
    PlacePrecision Precision,
    long? GeonameId,
    double Score,
    TextSpan? Mention = null)
{
    /// <summary>
    /// The other readings of the name that the resolver found plausible, best first: distinct places a reviewer may
    /// pick instead (the other villages called Pisky when the province stands in for them all). Empty when the name
    /// has one reading.
    /// </summary>
    public IReadOnlyList<PlaceReading> RunnersUp { get; init; } = [];

    public bool Equals(ResolvedPlace? other) =>
        other is not null && (Name, Latitude, Longitude, CountryCode, Admin1, Precision, GeonameId, Score, Mention)
            == (other.Name, other.Latitude, other.Longitude, other.CountryCode, other.Admin1, other.Precision, other.GeonameId, other.Score, other.Mention)
        && RunnersUp.SequenceEqual(other.RunnersUp);

    public override int GetHashCode() => HashCode.Combine(Name, Latitude, Longitude, CountryCode, Admin1, Precision, GeonameId, Score);
}

/// <summary>One reading of a place name other than the one chosen: where it is and how well it scored (0 to 1).</summary>
public sealed record PlaceReading(
    string Name,
    double Latitude,
    double Longitude,
    string CountryCode,
    string? Admin1,
    PlacePrecision Precision,
    long? GeonameId,
    double Score)
{
    public static PlaceReading Of(ResolvedPlace place) =>
        new(place.Name, place.Latitude, place.Longitude, place.CountryCode, place.Admin1, place.Precision, place.GeonameId, place.Score);
}

/// <summary>Resolves place names to coordinates. The Places stage implements it; the Events stage consumes it.</summary>
public interface IPlaceResolver
{
    /// <summary>
    /// The best reading of one name, or null when nothing fits well enough. <paramref name="countryCode"/> (ISO 3166-1
    /// alpha-2) restricts the search when known; <paramref name="context"/> is the text around the mention, used to
    /// prefer candidates near the document's other places and to reject common words that are not places there.
    /// </summary>
    ResolvedPlace? Resolve(string name, string? countryCode = null, PlaceContext? context = null);

    /// <summary>
    /// A place named with the area that contains it ("Cartagena, Bolivar department"): each name alone may be
    /// ambiguous, the pair seldom is.
    /// </summary>
    ResolvedPlace? ResolveWithin(string name, string area, string? countryCode = null, PlaceContext? context = null) =>
        ResolveWithin(name, [area], countryCode, context);

    /// <summary>
    /// A place named with the areas that contain it, most specific first ("Gordi (Mamprugo Moaduri, North East)"). A
    /// place outside all of them is taken only when prominent; otherwise the most specific area that resolves stands in
    /// for it, at that area's precision (a town area at "near the town").
    /// </summary>
    ResolvedPlace? ResolveWithin(string name, IReadOnlyList<string> areas, string? countryCode = null, PlaceContext? context = null) =>
        Resolve(name, countryCode, context) ?? areas.Select(area => Resolve(area, countryCode, context)).FirstOrDefault(found => found is not null);

    /// <summary>
    /// The best reading of the name in each country where it can be a place, best first: what a name says about which
    /// country a text is about ("Marib" only about Yemen; "Tripoli" about Libya or Lebanon).
    /// </summary>
    IReadOnlyList<ResolvedPlace> ReadingsByCountry(string name, PlaceContext? context = null) =>
        Resolve(name, null, context) is { } best ? [best] : [];

    /// <summary>
    /// The reading of a name that lies about <paramref name="km"/> from <paramref name="reference"/>, as the text says
    /// ("Sake, 25 km west of Goma"); null when no reading does.
    /// </summary>
    ResolvedPlace? ResolveMeasuredFrom(string name, ResolvedPlace reference, double km, string? countryCode = null, PlaceContext? context = null) =>
        Resolve(name, countryCode, context) is { } place && Geo.AgreesWithStatedDistance(Geo.DistanceKm(place.Latitude, place.Longitude, reference.Latitude, reference.Longitude), km) ? place : null;
}

/// <summary>What the rest of a document says about where things are: the countries and places it mentions.</summary>
/// <param name="PhraseBefore">The words just before the mention ("in the town of"), which say what kind of place follows.</param>
/// <param name="LabeledLocation">True when a named-entity recogniser labelled the mention a location (LOC), which makes even a common word ("Hit") a place.</param>
public sealed record PlaceContext(IReadOnlyList<string> CountryCodes, IReadOnlyList<ResolvedPlace> OtherPlaces, string? PhraseBefore = null, bool LabeledLocation = false)
{
    /// <summary>No country, no other place: a mention with nothing around it.</summary>
    public static PlaceContext Empty { get; } = new([], []);
}
