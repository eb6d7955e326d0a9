using Hub.Core.Accounts;
using Hub.Core.Audit;
using Hub.Core.Common;

namespace Hub.Core.Tenancy;

/// <summary>Makes an existing user a coordinator of a cooperation (platform admins only).</summary>
public sealed class AssignCoordinator(ICooperationStore cooperations, IUserStore users, IClock clock)
{
    public async Task<Result<Coordinator>> ExecuteAsync(Actor actor, Guid cooperationId, string? email, CancellationToken ct)
    {
        if (!TenancyPolicy.CanAssignCoordinators(actor))
            return Forbidden.Instance;
        var v = new FieldValidator().Email("email", email);
        if (v.HasErrors)
            return v.ToError();

        var cooperation = await cooperations.GetAsync(cooperationId, ct);
        if (cooperation is null)
            return NotFound.Instance;
        var user = await users.FindByEmailAsync(FieldValidator.NormalizeEmail(email!), ct);
        if (user is null)
            return ValidationFailed.For("email", new ErrorMessage("Zu dieser E-Mail-Adresse gibt es kein Konto."));

        var audit = AuditEvent.Create(clock, actor, null, "cooperation", cooperationId, "coordinator_added",
            after: new { user.Email });
        if (!await cooperations.AddCoordinatorAsync(cooperationId, user.Id, audit, ct))
            return ValidationFailed.For("email", new ErrorMessage("Diese Person koordiniert den Verbund bereits."));
        return new Coordinator(user.Id, user.DisplayName, user.Email);
    }
}
