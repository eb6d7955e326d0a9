using System.Net.Mail;

namespace Hub.Core.Common;

/// <summary>Collects field errors for one command; field names are the API's camelCase names.</summary>
public sealed class FieldValidator
{
    public const string RequiredMessage = "Bitte füllen Sie dieses Feld aus.";
    public const string TooLongMessage = "Höchstens {0} Zeichen.";
    public const string EmailMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.";
    public const string RangeMessage = "Erlaubt ist ein Wert von {0} bis {1}.";

    private readonly Dictionary<string, List<ErrorMessage>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public FieldValidator Add(string field, ErrorMessage message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
        return this;
    }

    public FieldValidator Add(string field, string template, params object[] args) => Add(field, new ErrorMessage(template, args));

    public FieldValidator Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Add(field, RequiredMessage);
        return MaxLength(field, value, maxLength);
    }

    public FieldValidator MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
            Add(field, TooLongMessage, maxLength);
        return this;
    }

    /// <summary>Markdown the renderer would refuse (nested too deeply, too many openers in a paragraph): IMarkdown.Check.</summary>
    public FieldValidator Markdown(string field, string? value, IMarkdown markdown) =>
        markdown.Check(value) is { } problem ? Add(field, problem) : this;

    public FieldValidator Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Add(field, RequiredMessage);
        if (value.Length > 254 || !IsEmail(value))
            Add(field, EmailMessage);
        return this;
    }

    public FieldValidator Range(string field, decimal? value, decimal min, decimal max)
    {
        if (value is not null && (value < min || value > max))
            Add(field, RangeMessage, min, max);
        return this;
    }

    /// <summary>The page number and size every paged list accepts.</summary>
    public FieldValidator Paging(int page, int pageSize) =>
        Range("pageSize", pageSize, 1, PageRequest.MaxPageSize).Range("page", page, 1, PageRequest.MaxNumber);

    public ValidationFailed ToError() =>
        ValidationFailed.For(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    public static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static bool IsEmail(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Contains(' ', StringComparison.Ordinal) || trimmed.Count(c => c == '@') != 1)
            return false;
        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed)
            return false;
        var domain = address.Host;
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    public static string NormalizeEmail(string value) => value.Trim().ToLowerInvariant();
}
