namespace Hub.Core.Common;

public static class Ids
{
    public static Guid New() => Guid.CreateVersion7();
}
