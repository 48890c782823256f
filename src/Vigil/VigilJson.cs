using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Vigil.Articles;

namespace Vigil;

/// <summary>The one JSON shape Vigil writes everywhere: camelCase names, nulls kept (a missing field is a finding), readable Unicode.</summary>
public static class VigilJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // The types written once per page come described at compile time, so a short run does not first build their
        // description by reflection (and compile its accessors); every other type is described by reflection.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(CompiledShapes.Default, new DefaultJsonTypeInfoResolver()),
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}

[JsonSerializable(typeof(Article))]
internal sealed partial class CompiledShapes : JsonSerializerContext;
