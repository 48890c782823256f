using System.Security.Cryptography;
using System.Text;

namespace Vigil.Bench.Articles;

/// <summary>
/// Splits a development set into two halves by a hash of each page's name, so the split is the same on every machine
/// and owes nothing to the pages' order or content: changes are chosen on half A, and half B is reported beside it.
/// </summary>
public static class PageHalf
{
    public static bool IsHalfA(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key))[0] < 128;
}
