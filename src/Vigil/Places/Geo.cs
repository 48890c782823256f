namespace Vigil.Places;

/// <summary>Distances on the Earth's surface.</summary>
public static class Geo
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>
    /// True when a measured distance agrees with one a text states ("25 km west of"): reporters round, and measure by
    /// road as often as in a straight line, so within half the stated distance, and never closer than 10 km.
    /// </summary>
    public static bool AgreesWithStatedDistance(double measuredKm, double statedKm) =>
        Math.Abs(measuredKm - statedKm) <= Math.Max(10, statedKm / 2);

    /// <summary>Great-circle distance by the haversine formula, in kilometres.</summary>
    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var dLat = ToRadians(latitude2 - latitude1);
        var dLon = ToRadians(longitude2 - longitude1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(ToRadians(latitude1)) * Math.Cos(ToRadians(latitude2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
