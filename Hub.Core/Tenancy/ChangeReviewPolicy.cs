using Hub.Core.Audit;
using Hub.Core.Common;

namespace Hub.Core.Tenancy;

/// <summary>
/// A coordinator sets how many partner organizations must approve a draft. The new number counts from the next
/// verdict on: a draft in review becomes approved with the next approval that reaches it.
/// </summary>
public sealed class ChangeReviewPolicy(ICooperationStore cooperations, IClock clock)
{
    public async Task<Result<int>> ExecuteAsync(Actor actor, Guid cooperationId, int? requiredApprovals, int? baseRequiredApprovals, CancellationToken ct)
    {
        var details = await cooperations.GetAsync(cooperationId, ct);
        if (details is null)
            return NotFound.Instance;
        if (!TenancyPolicy.CanChangeReviewPolicy(actor, cooperationId))
            return new Forbidden("not_a_coordinator", new ErrorMessage("Die Prüfregel ändert die Koordination des Verbunds."));
        var current = details.Cooperation.RequiredApprovals;
        var partners = Math.Max(1, details.Members.Count - 1);
        var v = new FieldValidator();
        if (requiredApprovals is null)
            v.Add("requiredApprovals", FieldValidator.RequiredMessage);
        else
            v.Range("requiredApprovals", requiredApprovals, 1, partners);
        if (v.HasErrors)
            return v.ToError();
        var expected = baseRequiredApprovals ?? current;
        if (expected != current)
            return PolicyChanged(current);
        if (requiredApprovals == current)
            return current;

        var audit = AuditEvent.Create(clock, actor, null, "cooperation", cooperationId, "review_policy_changed",
            before: new { requiredApprovals = current }, after: new { requiredApprovals });
        if (!await cooperations.ChangeRequiredApprovalsAsync(cooperationId, expected, requiredApprovals!.Value, audit, ct))
            return PolicyChanged((await cooperations.GetAsync(cooperationId, ct))!.Cooperation.RequiredApprovals);
        return requiredApprovals.Value;
    }

    private static Conflict PolicyChanged(int current) =>
        new("stale_policy", new ErrorMessage("Die Prüfregel wurde inzwischen geändert: es sind jetzt {0} Freigaben nötig. Nichts wurde überschrieben.", current))
        {
            Details = new Dictionary<string, object> { ["currentRequiredApprovals"] = current },
        };
}
