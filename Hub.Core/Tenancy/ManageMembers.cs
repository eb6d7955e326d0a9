using System.Security.Cryptography;
using Hub.Core.Accounts;
using Hub.Core.Audit;
using Hub.Core.Common;

namespace Hub.Core.Tenancy;

public sealed record MemberInput(string? Email, string? DisplayName, string? Role);

/// <summary>What adding a member did; a new account comes with a one-time initial password to hand over.</summary>
public sealed record MemberAdded(OrganizationMember Member, string? InitialPassword);

/// <summary>Adds members, changes their role and removes them, for organization admins and platform admins.</summary>
public sealed class ManageMembers(IMemberStore members, IUserStore users, IPasswordHasher hasher, IClock clock)
{
    public const int DisplayNameMax = 200;

    public static readonly ErrorMessage LastAdminMessage =
        new("Die Organisation braucht mindestens eine Administratorin oder einen Administrator.");

    public async Task<Result<MemberAdded>> AddAsync(Actor actor, Guid organizationId, MemberInput input, CancellationToken ct)
    {
        if (!TenancyPolicy.CanManageMembers(actor, organizationId))
            return Forbidden.Instance;

        var v = new FieldValidator().Email("email", input.Email).MaxLength("displayName", input.DisplayName, DisplayNameMax);
        if (!MembershipRoles.TryParse(input.Role, out var role))
            v.Add("role", "Bitte wählen Sie eine Rolle.");
        if (v.HasErrors)
            return v.ToError();

        var email = FieldValidator.NormalizeEmail(input.Email!);
        var user = await users.FindByEmailAsync(email, ct);
        string? initialPassword = null;
        if (user is null)
        {
            if (string.IsNullOrWhiteSpace(input.DisplayName))
                return ValidationFailed.For("displayName", new ErrorMessage("Für ein neues Konto brauchen wir einen Namen."));
            initialPassword = NewInitialPassword();
            user = new UserAccount(Ids.New(), email, input.DisplayName.Trim(), hasher.Hash(initialPassword), false, null, 0, null);
            var created = AuditEvent.Create(clock, actor, organizationId, "user", user.Id, "created",
                after: new { user.Email, user.DisplayName });
            if (!await users.CreateAsync(user, created, ct))
                return new Conflict("email_taken", new ErrorMessage("Diese E-Mail-Adresse wurde gerade vergeben. Bitte erneut versuchen."));
        }

        var existing = await members.GetAsync(organizationId, user.Id, ct);
        if (existing is not null)
            return ValidationFailed.For("email", new ErrorMessage("Diese Person ist bereits Mitglied."));

        var audit = AuditEvent.Create(clock, actor, organizationId, "membership", user.Id, "added",
            after: new { organizationId, user.Email, role = role.ToCode() });
        if (await members.SetRoleAsync(organizationId, user.Id, role, audit, ct) == MemberChange.LastAdmin)
            return new Conflict("last_admin", LastAdminMessage); // became a member (as the only admin) in the meantime
        return new MemberAdded(new OrganizationMember(user.Id, user.Email, user.DisplayName, role), initialPassword);
    }

    public async Task<Result<OrganizationMember>> SetRoleAsync(Actor actor, Guid organizationId, Guid userId, string? roleCode, CancellationToken ct)
    {
        if (!TenancyPolicy.CanManageMembers(actor, organizationId))
            return Forbidden.Instance;
        if (!MembershipRoles.TryParse(roleCode, out var role))
            return ValidationFailed.For("role", new ErrorMessage("Bitte wählen Sie eine Rolle."));

        var member = await members.GetAsync(organizationId, userId, ct);
        if (member is null)
            return NotFound.Instance;

        var audit = AuditEvent.Create(clock, actor, organizationId, "membership", userId, "role_changed",
            before: new { role = member.Role.ToCode() }, after: new { role = role.ToCode() });
        return Outcome(await members.SetRoleAsync(organizationId, userId, role, audit, ct), member with { Role = role });
    }

    public async Task<Result<OrganizationMember>> RemoveAsync(Actor actor, Guid organizationId, Guid userId, CancellationToken ct)
    {
        if (!TenancyPolicy.CanManageMembers(actor, organizationId))
            return Forbidden.Instance;

        var member = await members.GetAsync(organizationId, userId, ct);
        if (member is null)
            return NotFound.Instance;

        var audit = AuditEvent.Create(clock, actor, organizationId, "membership", userId, "removed",
            before: new { member.Email, role = member.Role.ToCode() });
        return Outcome(await members.RemoveAsync(organizationId, userId, audit, ct), member);
    }

    private static Result<OrganizationMember> Outcome(MemberChange change, OrganizationMember member) => change switch
    {
        MemberChange.Done => member,
        MemberChange.LastAdmin => new Conflict("last_admin", LastAdminMessage),
        _ => NotFound.Instance,
    };

    private static string NewInitialPassword() =>
        "Ikz-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
}
