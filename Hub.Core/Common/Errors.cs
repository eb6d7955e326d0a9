using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Hub.Core.Common;

/// <summary>
/// A user-facing message: a German template (the localization key, German first) and its arguments,
/// so the web layer can translate it before formatting.
/// </summary>
public sealed record ErrorMessage(string Template, params object[] Args)
{
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Template, Args);
}

/// <summary>A typed failure with a stable code; the web layer maps the kind to an HTTP status.</summary>
public abstract record HubError(string Code, ErrorMessage Message)
{
    public IReadOnlyDictionary<string, ErrorMessage[]> FieldErrors { get; init; } = new Dictionary<string, ErrorMessage[]>();

    /// <summary>Machine-readable facts for the API problem body, e.g. the current state of an illegal transition.</summary>
    public IReadOnlyDictionary<string, object> Details { get; init; } = new Dictionary<string, object>();
}

public sealed record NotFound(string Code, ErrorMessage Message) : HubError(Code, Message)
{
    public static NotFound Instance { get; } = new("not_found", new ErrorMessage("Nicht gefunden."));
}

public sealed record Forbidden(string Code, ErrorMessage Message) : HubError(Code, Message)
{
    public static Forbidden Instance { get; } = new("forbidden", new ErrorMessage("Dafür fehlt Ihnen die Berechtigung."));
}

public sealed record Conflict(string Code, ErrorMessage Message) : HubError(Code, Message)
{
    /// <summary>409 illegal_transition naming the current state (its German label in the message, its code in the details).</summary>
    public static Conflict IllegalTransition(string label, string code) =>
        new("illegal_transition", new ErrorMessage("Im aktuellen Status „{0}“ ist das nicht möglich.", label))
        {
            Details = new Dictionary<string, object> { ["currentStatus"] = code },
        };
}

public sealed record ValidationFailed(string Code, ErrorMessage Message) : HubError(Code, Message)
{
    public static ValidationFailed For(IReadOnlyDictionary<string, ErrorMessage[]> errors) =>
        new("validation_failed", new ErrorMessage("Eingaben sind ungültig.")) { FieldErrors = errors };

    public static ValidationFailed For(string field, ErrorMessage message) =>
        For(new Dictionary<string, ErrorMessage[]> { [field] = [message] });
}

/// <summary>The outcome of a use case: a value or a typed error, never an exception for expected failures.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, HubError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public HubError? Error { get; }

    /// <summary>True when the use case succeeded: then <see cref="Value"/> is set, otherwise <see cref="Error"/> is.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(HubError error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(HubError error) => Fail(error);
}
