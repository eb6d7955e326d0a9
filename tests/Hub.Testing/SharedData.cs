namespace Hub.Testing;

/// <summary>The real public reference data next to the repository (../shared/data): the OZG catalogue, every municipality.</summary>
public static class SharedData
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IkzHub.sln")))
            {
                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return System.IO.Directory.Exists(data)
                    ? data
                    : throw new InvalidOperationException($"The reference data is missing: expected {data} next to the repository.");
            }
        }

        throw new InvalidOperationException("IkzHub.sln not found above " + AppContext.BaseDirectory);
    }
}
