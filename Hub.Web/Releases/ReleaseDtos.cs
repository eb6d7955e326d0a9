using AutoMapper;
using Hub.Core.Drafts;
using Hub.Core.Releases;
using Hub.Web.Common;
using Hub.Web.Drafts;

namespace Hub.Web.Releases;

public sealed record ReleaseDto(
    Guid Id, Guid DraftId, string Title, string Version, int Revision, bool Breaking, string Notes, string NotesHtml, Guid OwnerOrganizationId,
    string OwnerOrganizationName, string ReleasedByName, string Status, string? StatusReason, Guid? SuccessorReleaseId, DateTimeOffset? StatusChangedAt,
    DateTimeOffset ReleasedAt);

public sealed record ReleaseDetailsDto(
    ReleaseDto Release, RevisionDto Content, IReadOnlyList<string> CatalogServiceIds, IReadOnlyList<ApprovalDto> Approvals, string? PreviousVersion,
    Guid? PreviousReleaseId);

public sealed record ReleaseStatusRequest(string? Reason, Guid? SuccessorReleaseId);

public sealed record ReleaseListPage(
    IReadOnlyList<ReleaseInfo> Items, PagerViewModel Pager, string? Q, int? ThemenfeldId, string? Status, IReadOnlyList<Hub.Core.Catalog.Themenfeld> Themenfelder);

public sealed record ReleasePage(
    ReleaseDetails Details, RevisionDiff? DiffToPrevious, bool CanChange, string? Message, AdoptionReach Reach,
    IReadOnlyList<Hub.Core.Adoptions.Adoption> MyAdoptions, IReadOnlyList<(Guid Id, string Name)> CanAdoptFor, string? PostedReason = null);

/// <summary>Aggregate figures, visible to every signed-in user: how many organizations use the service, how many live, how many on this version.</summary>
public sealed record AdoptionReach(int Adopters, int Live, int OnThisVersion);

public sealed class ReleaseMappingProfile : Profile
{
    public ReleaseMappingProfile()
    {
        CreateMap<ReleaseInfo, ReleaseDto>()
            .ForCtorParam(nameof(ReleaseDto.Version), o => o.MapFrom(s => s.Version.ToString()))
            .ForCtorParam(nameof(ReleaseDto.Status), o => o.MapFrom(s => s.Status.ToCode()));
        CreateMap<ReleaseDetails, ReleaseDetailsDto>()
            .ForCtorParam(nameof(ReleaseDetailsDto.PreviousVersion), o => o.MapFrom(s => s.Previous == null ? null : s.Previous.Version.ToString()))
            .ForCtorParam(nameof(ReleaseDetailsDto.PreviousReleaseId), o => o.MapFrom(s => s.Previous == null ? (Guid?)null : s.Previous.Id));
    }
}
