namespace Hub.Testing;

/// <summary>The real public reference data next to the repository (../shared/data): the OZG catalogue, every municipality.</summary>
public static class SharedData
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        var data = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "data"));
        return System.IO.Directory.Exists(data)
            ? data
            : throw new InvalidOperationException($"The reference data is missing: expected {data} next to the repository.");
    }
}
