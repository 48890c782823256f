using Vigil.Places;

namespace Vigil.Tests.Places;

/// <summary>A small hand-made gazetteer, so resolver tests need no built data and say exactly what they rely on.</summary>
internal static class TinyGazetteer
{
    public static Gazetteer Create()
    {
        var gazetteer = new Gazetteer();
        gazetteer.AddCountry("SY", "Syria", 35, 38, ["Syrian Arab Republic"], ["Syrian"]);
        gazetteer.AddCountry("IQ", "Iraq", 33, 44, ["Republic of Iraq"], ["Iraqi"]);
        gazetteer.AddCountry("LB", "Lebanon", 33.83, 35.83, ["Lebanese Republic"], ["Lebanese"]);
        gazetteer.AddCountry("LY", "Libya", 25, 17, ["State of Libya"], ["Libyan"]);
        gazetteer.AddCountry("NG", "Nigeria", 10, 8, ["Federal Republic of Nigeria"], ["Nigerian"]);
        gazetteer.AddCountry("SO", "Somalia", 10, 49, [], ["Somali"]);
        gazetteer.AddCountry("FR", "France", 46, 2, ["French Republic"], ["French"]);
        gazetteer.AddCountry("IM", "Isle of Man", 54.25, -4.5, ["Man"], ["Manx"]);
        gazetteer.AddCountry("IN", "India", 22, 79, ["Republic of India"], ["Indian"]);
        gazetteer.AddCountry("US", "United States", 39.8, -98.6, ["United States of America"], ["American"]);
        gazetteer.AddCountry("UA", "Ukraine", 49, 32, [], ["Ukrainian"]);

        Admin1(gazetteer, "Idlib", 35.8, 36.6, "SY", "07");
        Admin1(gazetteer, "Raqqa", 36.1, 38.9, "SY", "04");
        Admin1(gazetteer, "Borno State", 11.8, 13.2, "NG", "27");
        Admin1(gazetteer, "Anbar", 33.4, 42.0, "IQ", "01");
        Admin1(gazetteer, "Nineveh", 36.2, 42.5, "IQ", "15");
        Admin1(gazetteer, "North Lebanon", 34.4, 35.9, "LB", "09");
        Admin1(gazetteer, "Banadir", 2.05, 45.33, "SO", "02");
        Admin1(gazetteer, "Provence-Alpes-Côte d'Azur", 43.9, 6.1, "FR", "93");
        Admin1(gazetteer, "Tamil Nadu", 11.0, 78.4, "IN", "25");
        Admin1(gazetteer, "Oregon", 44.0, -120.5, "US", "OR");
        Admin1(gazetteer, "Donetsk Oblast", 48.1, 37.8, "UA", "05");
        Admin1(gazetteer, "Kharkiv Oblast", 49.6, 36.5, "UA", "07");

        Town(gazetteer, "Ar Raqqah", 35.95, 39.01, "SY", "04", 177636, "PPLA", "Raqqa", "Rakka", "Al-Raqqah");
        Town(gazetteer, "Idlib", 35.93, 36.63, "SY", "07", 128840, "PPLA");
        Town(gazetteer, "Hīt", 33.64, 42.83, "IQ", "01", 44000, "PPL", "Hit", "Heet");
        Town(gazetteer, "Mosul", 36.34, 43.13, "IQ", "15", 1739800, "PPLA", "Al Mawsil", "Mossoul");
        Town(gazetteer, "Tripoli", 32.89, 13.19, "LY", "09", 1150989, "PPLC", "Tarabulus");
        Town(gazetteer, "Tripoli", 34.44, 35.85, "LB", "09", 229398, "PPLA", "Trablous");
        Town(gazetteer, "Mogadishu", 2.04, 45.34, "SO", "02", 2587183, "PPLC", "Muqdisho");
        Town(gazetteer, "Hodan", 2.03, 45.30, "SO", "02", 0, "PPLX");
        Town(gazetteer, "Nice", 43.70, 7.27, "FR", "93", 342522, "PPLA2");
        Town(gazetteer, "Maiduguri", 11.85, 13.16, "NG", "27", 1112449, "PPLA");
        // A namesake village far from Mosul, as the gazetteer often has one for a small place it lacks.
        Town(gazetteer, "Bashiqa", 33.5, 36.9, "SY", "08", 800, "PPL");
        Town(gazetteer, "Dar‘ā", 32.62, 36.10, "SY", "12", 97969, "PPLA", "Dar'a");
        // A state capital abroad that outranks the Indian city of the same name until "TN" is read.
        Town(gazetteer, "Salem", 44.94, -123.04, "US", "OR", 175000, "PPLA");
        Town(gazetteer, "Salem", 11.65, 78.16, "IN", "25", 90000, "PPL");
        // A city far from its country's middle and a village of the same name near it.
        Town(gazetteer, "Minneapolis", 44.98, -93.26, "US", "MN", 410939, "PPLA2");
        Town(gazetteer, "Minneapolis", 39.12, -97.71, "US", "KS", 2002, "PPL");
        // Off the Donbas front: the only Serhiivka the gazetteer has.
        Town(gazetteer, "Serhiivka", 49.3, 36.1, "UA", "07", 2000, "PPL");
        // A capital, and a small American respelling of its name.
        Admin1(gazetteer, "Baghdad", 33.35, 44.36, "IQ", "07");
        Town(gazetteer, "Baghdad", 33.34, 44.40, "IQ", "07", 7216000, "PPLC");
        Town(gazetteer, "Bagdad", 30.60, -87.03, "US", "FL", 3761, "PPL");
        gazetteer.AddCommonWords(["hit", "nice", "man", "along", "of", "police"]);
        return gazetteer;
    }

    private static void Admin1(Gazetteer gazetteer, string name, double latitude, double longitude, string country, string code) =>
        gazetteer.Add(new GazetteerEntry(name, latitude, longitude, PlaceKind.Admin1, "ADM1", country, code, null, 0, null));

    private static void Town(Gazetteer gazetteer, string name, double latitude, double longitude, string country, string admin1, long population, string featureCode, params string[] alternateNames) =>
        gazetteer.Add(new GazetteerEntry(name, latitude, longitude, PlaceKind.Populated, featureCode, country, admin1, null, population, null), alternateNames);
}
