namespace Hub.Testing;

/// <summary>The checkout the tests run from (the folder with IkzHub.sln).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IkzHub.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("IkzHub.sln not found above " + AppContext.BaseDirectory);
    }
}
