namespace Hub.Web;

/// <summary>
/// Marker for the one localization resource. Keys are the German texts (German first); Resources/SharedResource.en.resx
/// holds the English ones. A test checks that every key used in code and views has its translation.
/// </summary>
public sealed class SharedResource;
