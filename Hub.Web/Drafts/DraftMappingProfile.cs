using AutoMapper;
using Hub.Core.Drafts;

namespace Hub.Web.Drafts;

/// <summary>Drafts, revisions, reviews, transitions and diffs → API DTOs (outward only).</summary>
public sealed class DraftMappingProfile : Profile
{
    public DraftMappingProfile()
    {
        CreateMap<Steckbrief, SteckbriefDto>();
        CreateMap<DraftSummary, DraftSummaryDto>()
            .ForCtorParam(nameof(DraftSummaryDto.Status), o => o.MapFrom(s => s.Status.ToCode()))
            .ForCtorParam(nameof(DraftSummaryDto.Revision), o => o.MapFrom(s => s.CurrentRevision));
        CreateMap<Approval, ApprovalDto>();
        CreateMap<DraftRevision, RevisionDto>();
        CreateMap<ReviewEntry, ReviewDto>()
            .ForCtorParam(nameof(ReviewDto.Verdict), o => o.MapFrom(s => s.Verdict.ToCode()));
        CreateMap<CommentEntry, CommentDto>();
        CreateMap<CommentThread, CommentThreadDto>()
            .ForCtorParam(nameof(CommentThreadDto.Comment), o => o.MapFrom(s => s.Root))
            .ForCtorParam(nameof(CommentThreadDto.Resolved), o => o.MapFrom(s => s.IsResolved));
        CreateMap<DraftDetails, DraftDto>()
            .ForCtorParam(nameof(DraftDto.Id), o => o.MapFrom(s => s.Summary.Id))
            .ForCtorParam(nameof(DraftDto.Status), o => o.MapFrom(s => s.Summary.Status.ToCode()))
            .ForCtorParam(nameof(DraftDto.Revision), o => o.MapFrom(s => s.Summary.CurrentRevision))
            .ForCtorParam(nameof(DraftDto.OwnerOrganizationId), o => o.MapFrom(s => s.Summary.OwnerOrganizationId))
            .ForCtorParam(nameof(DraftDto.OwnerOrganizationName), o => o.MapFrom(s => s.Summary.OwnerOrganizationName))
            .ForCtorParam(nameof(DraftDto.CooperationId), o => o.MapFrom(s => s.Summary.CooperationId))
            .ForCtorParam(nameof(DraftDto.CooperationName), o => o.MapFrom(s => s.Summary.CooperationName))
            .ForCtorParam(nameof(DraftDto.Title), o => o.MapFrom(s => s.Content.Title))
            .ForCtorParam(nameof(DraftDto.Summary), o => o.MapFrom(s => s.Content.Summary))
            .ForCtorParam(nameof(DraftDto.Body), o => o.MapFrom(s => s.Content.Body))
            .ForCtorParam(nameof(DraftDto.BodyHtml), o => o.MapFrom(s => s.Content.BodyHtml))
            .ForCtorParam(nameof(DraftDto.Steckbrief), o => o.MapFrom(s => s.Content.Steckbrief))
            .ForCtorParam(nameof(DraftDto.RequiredApprovals), o => o.MapFrom(s => s.Snapshot.RequiredApprovals))
            .ForCtorParam(nameof(DraftDto.LatestVersion), o => o.MapFrom(s => s.Snapshot.LatestRelease == null ? null : s.Snapshot.LatestRelease.ToString()))
            .ForCtorParam(nameof(DraftDto.UpdatedAt), o => o.MapFrom(s => s.Summary.UpdatedAt));
        CreateMap<TransitionOutcome, TransitionDto>()
            .ForCtorParam(nameof(TransitionDto.Id), o => o.MapFrom(s => s.DraftId))
            .ForCtorParam(nameof(TransitionDto.Status), o => o.MapFrom(s => s.Decision.To.ToCode()))
            .ForCtorParam(nameof(TransitionDto.Version), o => o.MapFrom(s => s.Decision.Version == null ? null : s.Decision.Version.ToString()));
        CreateMap<RevisionDiff, RevisionDiffDto>();
        CreateMap<FieldDiff, FieldDiffDto>()
            .ForCtorParam(nameof(FieldDiffDto.Lines), o => o.MapFrom(s => s.Inline));
    }
}
