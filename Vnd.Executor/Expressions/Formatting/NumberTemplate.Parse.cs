using System.Globalization;
using System.Text;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions.Formatting;

/// <summary>
/// to_number(text, template): the template read against the text. A digit position takes a digit when one is there,
/// the decimal point a '.', a group separator a ',', a sign form (S, MI, PL, SG) a '-' or '+', PR angle brackets;
/// a literal skips one character. A sign written just before the first digit counts without a sign form, as in
/// PostgreSQL ('-34,338,492' with 99G999G999). No digit at all is 22P02.
/// </summary>
internal sealed partial class NumberTemplate
{
    public decimal Parse(string input)
    {
        var digits = new StringBuilder();
        var negative = false;
        var seenPoint = false;
        var pos = 0;
        while (pos < input.Length && input[pos] == ' ')
            pos++;
        bool At(char c) => pos < input.Length && input[pos] == c;
        void Sign()
        {
            if (At('-'))
            {
                negative = true;
                pos++;
            }
            else if (At('+'))
            {
                pos++;
            }
        }
        foreach (var token in _tokens)
        {
            if (pos >= input.Length)
                break;
            switch (token.Kind)
            {
                case Kind.Nine or Kind.Zero:
                    if (digits.Length == 0 && !seenPoint)
                    {
                        if (At('<') && _explicitSign)
                        {
                            // PR's opening bracket stands before the digits.
                            negative = true;
                            pos++;
                        }
                        Sign();
                        while (At(' '))
                            pos++;
                    }
                    if (pos < input.Length && char.IsAsciiDigit(input[pos]))
                        digits.Append(input[pos++]);
                    break;
                case Kind.Point:
                    if (At('.'))
                    {
                        digits.Append('.');
                        seenPoint = true;
                        pos++;
                    }
                    break;
                case Kind.Group:
                    if (At(','))
                        pos++;
                    break;
                case Kind.Sign or Kind.Minus or Kind.Plus or Kind.SignAlways:
                    Sign();
                    break;
                case Kind.Brackets:
                    if (At('<'))
                    {
                        negative = true;
                        pos++;
                    }
                    break;
                case Kind.Exponent:
                    throw new ExecutionException(SqlState.FeatureNotSupported, "to_number with EEEE is not supported");
                default:
                    pos = Math.Min(input.Length, pos + token.Text.Length);
                    break;
            }
        }
        // A trailing sign form after the digits (99G999D9S on '12,454.8-') may find its sign only now.
        if (pos < input.Length && _tokens.Length > 0 && _tokens[^1].Kind is Kind.Sign or Kind.Minus or Kind.SignAlways)
            Sign();
        var text = digits.ToString();
        if (text.Replace(".", "", StringComparison.Ordinal).Length == 0)
            throw new ExecutionException(SqlState.InvalidTextRepresentation, $"invalid input syntax for type numeric: \"{input}\"");
        var value = decimal.Parse(text.StartsWith('.') ? "0" + text : text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }
}
