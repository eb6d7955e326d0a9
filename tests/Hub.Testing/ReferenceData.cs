namespace Hub.Testing;

/// <summary>The real public reference data the repository ships in data/: the OZG catalogue, LeiKa, every municipality.</summary>
public static class ReferenceData
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        var data = Path.Combine(Repository.Root, "data");
        return File.Exists(Path.Combine(data, "gemeinden.csv"))
            ? data
            : throw new InvalidOperationException($"The reference data is missing: expected {data} in the checkout.");
    }
}
