namespace Hub.Testing.Web;

/// <summary>A body whose length HttpClient cannot know, so it is sent without Content-Length (chunked).</summary>
public sealed class UnsizedStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;
}
