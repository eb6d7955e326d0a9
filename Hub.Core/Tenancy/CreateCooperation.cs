using Hub.Core.Audit;
using Hub.Core.Common;

namespace Hub.Core.Tenancy;

public sealed record CooperationInput(
    string? Name,
    string? Description,
    Guid? LeadOrganizationId,
    IReadOnlyCollection<Guid>? MemberIds,
    decimal? FundingAmount,
    string? Funder,
    DateOnly? AgreementDate,
    int? RequiredApprovals);

public sealed class CreateCooperation(ICooperationStore cooperations, IOrganizationStore organizations, IClock clock)
{
    public const int NameMax = 200;
    public const int DescriptionMax = 20_000;
    public const int FunderMax = 200;
    public const decimal FundingMax = 1_000_000_000m;

    public async Task<Result<Cooperation>> ExecuteAsync(Actor actor, CooperationInput input, CancellationToken ct)
    {
        if (!TenancyPolicy.CanCreateCooperations(actor))
            return Forbidden.Instance;

        var members = (input.MemberIds ?? []).Distinct().ToList();
        if (input.LeadOrganizationId is { } leadId && !members.Contains(leadId))
            members.Add(leadId);

        var v = new FieldValidator()
            .Required("name", input.Name, NameMax)
            .MaxLength("description", input.Description, DescriptionMax)
            .MaxLength("funder", input.Funder, FunderMax)
            .Range("fundingAmount", input.FundingAmount, 0, FundingMax);
        if (input.LeadOrganizationId is null)
            v.Add("leadOrganizationId", "Bitte wählen Sie die federführende Kommune.");
        else if (input.MemberIds is { Count: > 0 } && !input.MemberIds.Contains(input.LeadOrganizationId.Value))
            v.Add("leadOrganizationId", "Die federführende Kommune muss Mitglied des Verbunds sein.");
        if (members.Count < 2)
            v.Add("memberIds", "Ein Verbund hat mindestens zwei Mitglieder.");

        var required = input.RequiredApprovals ?? Cooperation.DefaultRequiredApprovals;
        if (required < 1 || (members.Count >= 2 && required > members.Count - 1))
            v.Add("requiredApprovals", "Erlaubt ist ein Wert von {0} bis {1}.", 1, Math.Max(1, members.Count - 1));

        if (members.Count > 0)
        {
            var found = await organizations.GetManyAsync(members, ct);
            if (found.Count != members.Count)
                v.Add("memberIds", "Mindestens eine der gewählten Organisationen gibt es nicht.");
        }

        if (v.HasErrors)
            return v.ToError();

        var cooperation = new Cooperation(
            Ids.New(), input.Name!.Trim(), FieldValidator.Trim(input.Description), input.LeadOrganizationId!.Value,
            input.FundingAmount, FieldValidator.Trim(input.Funder), input.AgreementDate, required, clock.UtcNow);
        var audit = AuditEvent.Create(clock, actor, null, "cooperation", cooperation.Id, "created",
            after: new { cooperation, memberIds = members });
        await cooperations.CreateAsync(cooperation, members, audit, ct);
        return cooperation;
    }
}
