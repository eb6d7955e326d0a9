using System.Text.Json;
using Hub.Core.Audit;

namespace Hub.Web.Audit;

/// <summary>A timeline entry as a German template (the localization key) and its arguments, from the event's action and "after" facts.</summary>
public static class AuditLabels
{
    public static (string Template, object[] Args) Describe(AuditEntry e)
    {
        var after = e.AfterJson is null ? default : JsonDocument.Parse(e.AfterJson).RootElement;
        string Fact(string name) =>
            after.ValueKind == JsonValueKind.Object && after.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "?";
        return e.Action switch
        {
            "created" => ("hat den Entwurf angelegt", []),
            "revised" => ("hat Fassung {0} gespeichert", [Fact("revision")]),
            "submitted" => ("hat Fassung {0} zur Prüfung eingereicht", [Fact("revision")]),
            "recalled" => ("hat die Einreichung zurückgeholt", []),
            "approved" => ("hat Fassung {0} zugestimmt", [Fact("revision")]),
            "changes_requested" => ("hat Änderungen an Fassung {0} angefordert", [Fact("revision")]),
            "review_commented" => ("hat Fassung {0} kommentiert (Prüfung)", [Fact("revision")]),
            "released" => ("hat Version {0} freigegeben", [Fact("version")]),
            "withdrawn" => ("hat den Entwurf zurückgezogen", []),
            "commented" => ("hat einen Kommentar geschrieben", []),
            "replied" => ("hat auf einen Kommentar geantwortet", []),
            "comment_resolved" => ("hat eine Diskussion als erledigt markiert", []),
            "release_deprecated" => ("hat Version {0} als veraltet markiert", [Fact("version")]),
            "release_withdrawn" => ("hat Version {0} zurückgezogen", [Fact("version")]),
            "review_policy_changed" => ("hat die Prüfregel auf {0} Freigaben gesetzt", [Fact("requiredApprovals")]),
            _ => ("hat „{0}“ ausgeführt", [e.Action]),
        };
    }
}
