using AutoMapper;
using Hub.Core.Progress;

namespace Hub.Web.Progress;

/// <summary>Umsetzungsstand → API DTOs (outward only).</summary>
public sealed class ProgressMappingProfile : Profile
{
    public ProgressMappingProfile()
    {
        CreateMap<ImplementationStatus, ImplementationStatusDto>()
            .ForCtorParam(nameof(ImplementationStatusDto.Name), o => o.MapFrom(s => s.ServiceName))
            .ForCtorParam(nameof(ImplementationStatusDto.Themenfeld), o => o.MapFrom(s => s.ThemenfeldName))
            .ForCtorParam(nameof(ImplementationStatusDto.Status), o => o.MapFrom(s => s.State.ToCode()));
    }
}
