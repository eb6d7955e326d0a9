using AutoMapper;
using Hub.Core.Tenancy;

namespace Hub.Web.Tenancy;

/// <summary>Domain → view models and API DTOs for organizations, cooperations and members (outward only).</summary>
public sealed class TenancyMappingProfile : Profile
{
    public TenancyMappingProfile()
    {
        CreateMap<Organization, OrganizationViewModel>()
            .ForCtorParam(nameof(OrganizationViewModel.KindLabel), o => o.MapFrom(s => TenancyLabels.Kind(s.Kind)));
        CreateMap<CooperationSummary, CooperationListItemViewModel>();
        CreateMap<CooperationMember, CooperationMemberViewModel>()
            .ForCtorParam(nameof(CooperationMemberViewModel.KindLabel), o => o.MapFrom(s => TenancyLabels.Kind(s.Kind)));
        CreateMap<Coordinator, CoordinatorViewModel>();
        CreateMap<OrganizationMember, MemberViewModel>()
            .ForCtorParam(nameof(MemberViewModel.Role), o => o.MapFrom(s => s.Role.ToCode()));
        CreateMap<CooperationDetails, CooperationViewModel>()
            .ForMember(d => d.Id, o => o.MapFrom(s => s.Cooperation.Id))
            .ForMember(d => d.Name, o => o.MapFrom(s => s.Cooperation.Name))
            .ForMember(d => d.DescriptionHtml, o => o.Ignore())
            .ForMember(d => d.LeadOrganizationName, o => o.MapFrom(s => s.Lead.Name))
            .ForMember(d => d.FundingAmount, o => o.MapFrom(s => s.Cooperation.FundingAmount))
            .ForMember(d => d.Funder, o => o.MapFrom(s => s.Cooperation.Funder))
            .ForMember(d => d.AgreementDate, o => o.MapFrom(s => s.Cooperation.AgreementDate))
            .ForMember(d => d.RequiredApprovals, o => o.MapFrom(s => s.Cooperation.RequiredApprovals));

        CreateMap<Organization, OrganizationDto>()
            .ForCtorParam(nameof(OrganizationDto.Kind), o => o.MapFrom(s => s.Kind.ToCode()))
            .ForCtorParam(nameof(OrganizationDto.Land), o => o.MapFrom(s => s.LandName));
        CreateMap<CooperationSummary, CooperationSummaryDto>();
        CreateMap<CooperationMember, CooperationMemberDto>()
            .ForCtorParam(nameof(CooperationMemberDto.Kind), o => o.MapFrom(s => s.Kind.ToCode()));
        CreateMap<Coordinator, CoordinatorDto>();
        CreateMap<CooperationDetails, CooperationDto>()
            .ForCtorParam(nameof(CooperationDto.Id), o => o.MapFrom(s => s.Cooperation.Id))
            .ForCtorParam(nameof(CooperationDto.Name), o => o.MapFrom(s => s.Cooperation.Name))
            .ForCtorParam(nameof(CooperationDto.Description), o => o.MapFrom(s => s.Cooperation.Description))
            .ForCtorParam(nameof(CooperationDto.LeadOrganizationId), o => o.MapFrom(s => s.Cooperation.LeadOrganizationId))
            .ForCtorParam(nameof(CooperationDto.FundingAmount), o => o.MapFrom(s => s.Cooperation.FundingAmount))
            .ForCtorParam(nameof(CooperationDto.Funder), o => o.MapFrom(s => s.Cooperation.Funder))
            .ForCtorParam(nameof(CooperationDto.AgreementDate), o => o.MapFrom(s => s.Cooperation.AgreementDate))
            .ForCtorParam(nameof(CooperationDto.RequiredApprovals), o => o.MapFrom(s => s.Cooperation.RequiredApprovals));
        CreateMap<Membership, MembershipDto>()
            .ForCtorParam(nameof(MembershipDto.Role), o => o.MapFrom(s => s.Role.ToCode()));
        CreateMap<ObserverScope, ObserverScopeDto>()
            .ForCtorParam(nameof(ObserverScopeDto.Land), o => o.MapFrom(s => Lands.NameOf(s.LandCode)));
        CreateMap<Actor, MeDto>()
            .ForCtorParam(nameof(MeDto.Id), o => o.MapFrom(s => s.UserId));
    }
}
