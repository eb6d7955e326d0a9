namespace Hub.Core.Common;

/// <summary>
/// The stable string codes of an enum's values (stored in the database, sent by the API and forms), written once as
/// pairs and read both ways. Every value of the enum has exactly one code; that is checked when the map is built, so
/// a new enum value without a code fails at start-up rather than when it is first stored.
/// </summary>
public sealed class CodeMap<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _codes = [];
    private readonly Dictionary<string, TEnum> _values;

    /// <summary>Codes compared exactly (ordinal).</summary>
    public CodeMap(params (TEnum Value, string Code)[] pairs)
        : this(StringComparer.Ordinal, pairs)
    {
    }

    /// <summary>Codes compared with <paramref name="comparer"/> when parsing, e.g. ignoring case for codes people type.</summary>
    public CodeMap(StringComparer comparer, params (TEnum Value, string Code)[] pairs)
    {
        _values = new Dictionary<string, TEnum>(comparer);
        foreach (var (value, code) in pairs)
        {
            if (!_codes.TryAdd(value, code))
                throw new ArgumentException($"{typeof(TEnum).Name}.{value} has more than one code.", nameof(pairs));
            if (!_values.TryAdd(code, value))
                throw new ArgumentException($"The code '{code}' stands for more than one {typeof(TEnum).Name}.", nameof(pairs));
        }

        var missing = Enum.GetValues<TEnum>().Where(v => !_codes.ContainsKey(v)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"{typeof(TEnum).Name} has no code for {string.Join(", ", missing)}.", nameof(pairs));

        Values = pairs.Select(p => p.Value).ToArray();
        Codes = pairs.Select(p => p.Code).ToArray();
    }

    /// <summary>Every value, in the order of the pairs.</summary>
    public IReadOnlyList<TEnum> Values { get; }

    /// <summary>Every code, in the order of the pairs.</summary>
    public IReadOnlyList<string> Codes { get; }

    public string Code(TEnum value) =>
        _codes.TryGetValue(value, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(value), value, $"No code for {typeof(TEnum).Name} {value}.");

    /// <summary>The value for a code; false (and the enum's default) for null or an unknown code.</summary>
    public bool TryParse(string? code, out TEnum value)
    {
        if (code is not null && _values.TryGetValue(code, out value))
            return true;
        value = default;
        return false;
    }
}
