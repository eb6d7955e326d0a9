using System.Globalization;
using System.Text;
using Hub.Core.Common;
using Hub.Core.Progress;

namespace Hub.Web.Progress;

public static class ProgressCsv
{
    public static string Organization(OrganizationProgress p)
    {
        var text = new StringBuilder("themenfeld,responsible,live,in_progress,no_solution,not_relevant\n");
        foreach (var t in p.Themenfelder)
            text.Append(CultureInfo.InvariantCulture, $"{CsvWriter.Field(t.Themenfeld)},{t.Responsible},{t.Live},{t.InProgress},{t.NoSolution},{t.NotRelevant}\n");
        text.Append(CultureInfo.InvariantCulture, $"total,{p.Responsible},{p.Count(ImplementationState.Live)},{p.Count(ImplementationState.InProgress)},");
        text.Append(CultureInfo.InvariantCulture, $"{p.Count(ImplementationState.NoSolution)},{p.Count(ImplementationState.NotRelevant)}\n");
        return text.ToString();
    }

    public static string Cooperation(CooperationProgress p)
    {
        var text = new StringBuilder("organization,responsible,live,in_progress,no_solution\n");
        foreach (var m in p.Members)
            text.Append(CultureInfo.InvariantCulture, $"{CsvWriter.Field(m.Name)},{m.Responsible},{m.Live},{m.InProgress},{m.NoSolution}\n");
        return text.ToString();
    }

    public static string State(StateProgress p)
    {
        var text = new StringBuilder("ozg_id,name,live_municipalities,kreise_covered\n");
        foreach (var s in p.Services)
            text.Append(CultureInfo.InvariantCulture, $"{s.OzgId},{CsvWriter.Field(s.Name)},{s.LiveMunicipalities},{s.KreiseCovered}\n");
        return text.ToString();
    }
}
