using System.Diagnostics.CodeAnalysis;

namespace GreenPolicy.Domain.Citations;

/// <summary>
/// The outcome of parsing text that people type: a value, or the reason it is not one.
/// Returned rather than thrown, because a malformed 文号 in a search box is expected, not exceptional.
/// </summary>
public sealed record ParseResult<T> where T : class
{
    private ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    /// <summary>Why the text is not a value (in Chinese, for the user); null on success.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Value is not null;

    public static ParseResult<T> Ok(T value) => new(value, null);

    public static ParseResult<T> Fail(string error) => new(null, error);

    /// <summary>The value, or an exception carrying the error (for callers that have already validated).</summary>
    public T GetValueOrThrow() => Value ?? throw new FormatException(Error);
}
