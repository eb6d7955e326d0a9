using AutoMapper;
using Hub.Core.Catalog;
using Hub.Web.Common;

namespace Hub.Web.Catalog;

public sealed record CatalogServiceDto(string OzgId, string Name, int ThemenfeldId, string Themenfeld, int? LebenslageId, string? Lebenslage);

public sealed record LeikaDto(string? Key, string Name, string LeikaTyp, bool SdgRelevant);

public sealed record CatalogReleaseDto(Guid ReleaseId, string Title, string Version, string OwnerOrganizationName, DateTimeOffset ReleasedAt);

public sealed record CatalogServiceDetailsDto(
    string OzgId, string Name, int ThemenfeldId, string Themenfeld, int? LebenslageId, string? Lebenslage,
    IReadOnlyList<LeikaDto> Leika, IReadOnlyList<CatalogReleaseDto> Releases);

public sealed record CatalogListPage(
    IReadOnlyList<Themenfeld> Themenfelder, IReadOnlyList<CatalogService> Items, PagerViewModel Pager, string? Q, int? ThemenfeldId);

public sealed class CatalogMappingProfile : Profile
{
    public CatalogMappingProfile()
    {
        CreateMap<CatalogService, CatalogServiceDto>()
            .ForCtorParam(nameof(CatalogServiceDto.Themenfeld), o => o.MapFrom(s => s.ThemenfeldName))
            .ForCtorParam(nameof(CatalogServiceDto.Lebenslage), o => o.MapFrom(s => s.LebenslageName));
        CreateMap<LeikaService, LeikaDto>();
        CreateMap<CatalogRelease, CatalogReleaseDto>();
        CreateMap<CatalogServiceDetails, CatalogServiceDetailsDto>()
            .ForCtorParam(nameof(CatalogServiceDetailsDto.OzgId), o => o.MapFrom(s => s.Service.OzgId))
            .ForCtorParam(nameof(CatalogServiceDetailsDto.Name), o => o.MapFrom(s => s.Service.Name))
            .ForCtorParam(nameof(CatalogServiceDetailsDto.ThemenfeldId), o => o.MapFrom(s => s.Service.ThemenfeldId))
            .ForCtorParam(nameof(CatalogServiceDetailsDto.Themenfeld), o => o.MapFrom(s => s.Service.ThemenfeldName))
            .ForCtorParam(nameof(CatalogServiceDetailsDto.LebenslageId), o => o.MapFrom(s => s.Service.LebenslageId))
            .ForCtorParam(nameof(CatalogServiceDetailsDto.Lebenslage), o => o.MapFrom(s => s.Service.LebenslageName));
    }
}
