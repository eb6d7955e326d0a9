namespace Hub.Web.Progress;

/// <summary>A bar of a server-rendered chart; the same figures stand in the table beside it.</summary>
public sealed record Bar(string Label, int Value);

public sealed record BarChart(string Title, IReadOnlyList<Bar> Bars)
{
    public int Max => Math.Max(1, Bars.Count == 0 ? 1 : Bars.Max(b => b.Value));
}
