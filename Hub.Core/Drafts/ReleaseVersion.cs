namespace Hub.Core.Drafts;

/// <summary>A release version MAJOR.MINOR: minor steps unless the releaser marks the release as breaking.</summary>
public sealed record ReleaseVersion(int Major, int Minor) : IComparable<ReleaseVersion>
{
    public static ReleaseVersion First { get; } = new(1, 0);

    public ReleaseVersion Next(bool breaking) => breaking ? new ReleaseVersion(Major + 1, 0) : this with { Minor = Minor + 1 };

    public static ReleaseVersion After(ReleaseVersion? latest, bool breaking) => latest is null ? First : latest.Next(breaking);

    public override string ToString() => $"{Major}.{Minor}";

    public int CompareTo(ReleaseVersion? other) =>
        other is null ? 1 : Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) >= 0;
}
