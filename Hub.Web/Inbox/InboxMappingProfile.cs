using AutoMapper;
using Hub.Core.Inbox;

namespace Hub.Web.Inbox;

/// <summary>Meine Aufgaben → API DTO (outward only). Notifications are built by InboxApiController: their text is localized per request.</summary>
public sealed class InboxMappingProfile : Profile
{
    public InboxMappingProfile()
    {
        CreateMap<MyTasks, TasksDto>();
    }
}
