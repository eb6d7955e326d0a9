using System.Text.RegularExpressions;
using Hub.Core.Audit;
using Hub.Core.Common;

namespace Hub.Core.Tenancy;

public sealed record OrganizationInput(string? Name, string? Kind, string? Ags, string? LandCode, string? Kreis, string? Description);

public sealed partial class CreateOrganization(IOrganizationStore organizations, IClock clock)
{
    public const int NameMax = 200;
    public const int KreisMax = 200;
    public const int DescriptionMax = 20_000;

    public async Task<Result<Organization>> ExecuteAsync(Actor actor, OrganizationInput input, CancellationToken ct)
    {
        if (!TenancyPolicy.CanCreateOrganizations(actor))
            return Forbidden.Instance;

        var v = new FieldValidator()
            .Required("name", input.Name, NameMax)
            .MaxLength("kreis", input.Kreis, KreisMax)
            .MaxLength("description", input.Description, DescriptionMax);
        if (!OrganizationKinds.TryParse(input.Kind, out var kind))
            v.Add("kind", "Bitte wählen Sie eine Art der Organisation.");
        if (!Lands.IsValid(input.LandCode))
            v.Add("landCode", "Bitte wählen Sie ein Land.");
        var ags = FieldValidator.Trim(input.Ags);
        if (ags is not null && !AgsPattern().IsMatch(ags))
            v.Add("ags", "Der AGS hat genau 8 Ziffern.");
        else if (ags is not null && Lands.IsValid(input.LandCode) && !ags.StartsWith(input.LandCode!, StringComparison.Ordinal))
            v.Add("ags", "Der AGS beginnt mit dem Schlüssel des Landes ({0}).", input.LandCode!);
        if (v.HasErrors)
            return v.ToError();

        var organization = new Organization(
            Ids.New(), input.Name!.Trim(), kind, ags, input.LandCode!, FieldValidator.Trim(input.Kreis),
            FieldValidator.Trim(input.Description), clock.UtcNow);
        var audit = AuditEvent.Create(clock, actor, null, "organization", organization.Id, "created", after: organization);
        if (!await organizations.CreateAsync(organization, audit, ct))
            return ValidationFailed.For("ags", new ErrorMessage("Eine Organisation mit diesem AGS gibt es bereits."));
        return organization;
    }

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex AgsPattern();
}
