using System.Globalization;
using System.Text;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions.Formatting;

/// <summary>
/// A to_char template for numbers, compiled once: digit positions 9 (blank when not needed) and 0 (always a digit),
/// the decimal point (. or D), group separators (, or G: printed only after a digit), the sign forms S (anchored to
/// the number), MI, PL, SG and PR (angle brackets), EEEE (scientific), FM (no padding, no trailing fraction zeros
/// on 9 positions) and "quoted" or other literal text. Without a sign form a position is kept for the sign just
/// before the first digit, and a number too wide for its integer positions prints as '#', as PostgreSQL's do.
/// </summary>
internal sealed partial class NumberTemplate
{
    private enum Kind : byte { Nine, Zero, Point, Group, Sign, Minus, Plus, SignAlways, Brackets, Exponent, Literal }

    private readonly record struct Token(Kind Kind, string Text = "");

    private readonly Token[] _tokens;
    private readonly bool _fill;
    private readonly int _integerDigits;
    private readonly int _fractionDigits;
    private readonly int _firstZero;
    private readonly bool _exponent;
    private readonly bool _explicitSign;
    private readonly bool _leadingSign;

    private NumberTemplate(Token[] tokens, bool fill)
    {
        _tokens = tokens;
        _fill = fill;
        var point = Array.FindIndex(tokens, t => t.Kind == Kind.Point);
        _firstZero = int.MaxValue;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind is not (Kind.Nine or Kind.Zero))
                continue;
            if (point < 0 || i < point)
            {
                if (tokens[i].Kind == Kind.Zero && _firstZero == int.MaxValue)
                    _firstZero = _integerDigits;
                _integerDigits++;
            }
            else
            {
                _fractionDigits++;
            }
        }
        _exponent = tokens.Any(t => t.Kind == Kind.Exponent);
        // PL only adds a '+': a negative number still takes the sign position before its digits.
        _explicitSign = tokens.Any(t => t.Kind is Kind.Minus or Kind.SignAlways or Kind.Brackets);
        var firstDigit = Array.FindIndex(tokens, t => t.Kind is Kind.Nine or Kind.Zero or Kind.Point);
        var sign = Array.FindIndex(tokens, t => t.Kind == Kind.Sign);
        _leadingSign = sign >= 0 && (firstDigit < 0 || sign < firstDigit);
    }

    public static NumberTemplate Compile(string template)
    {
        var tokens = new List<Token>();
        var fill = false;
        var i = 0;
        while (i < template.Length)
        {
            var rest = template[i..];
            bool Starts(string word) => rest.StartsWith(word, StringComparison.OrdinalIgnoreCase);
            if (Starts("FM")) { fill = true; i += 2; continue; }
            if (Starts("EEEE")) { tokens.Add(new(Kind.Exponent)); i += 4; continue; }
            if (Starts("MI")) { tokens.Add(new(Kind.Minus)); i += 2; continue; }
            if (Starts("PL")) { tokens.Add(new(Kind.Plus)); i += 2; continue; }
            if (Starts("SG")) { tokens.Add(new(Kind.SignAlways)); i += 2; continue; }
            if (Starts("PR")) { tokens.Add(new(Kind.Brackets)); i += 2; continue; }
            if (Starts("RN") || Starts("TH") || Starts("V") || Starts("L"))
                throw new ExecutionException(SqlState.FeatureNotSupported, $"to_char number format \"{rest[..(rest[0] is 'V' or 'v' or 'L' or 'l' ? 1 : 2)]}\" is not supported");
            var c = template[i];
            switch (c)
            {
                case '9': tokens.Add(new(Kind.Nine)); break;
                case '0': tokens.Add(new(Kind.Zero)); break;
                case '.' or 'D' or 'd': tokens.Add(new(Kind.Point)); break;
                case ',' or 'G' or 'g': tokens.Add(new(Kind.Group)); break;
                case 'S' or 's': tokens.Add(new(Kind.Sign)); break;
                case '"':
                {
                    var end = template.IndexOf('"', i + 1);
                    end = end < 0 ? template.Length : end;
                    tokens.Add(new(Kind.Literal, template[(i + 1)..end]));
                    i = end + 1;
                    continue;
                }
                case '\\' when i + 1 < template.Length:
                    tokens.Add(new(Kind.Literal, template[i + 1].ToString()));
                    i += 2;
                    continue;
                default: tokens.Add(new(Kind.Literal, c.ToString())); break;
            }
            i++;
        }
        if (tokens.Count(t => t.Kind == Kind.Point) > 1)
            throw new ExecutionException(SqlState.SyntaxError, "multiple decimal points");
        return new NumberTemplate([.. tokens], fill);
    }

    /// <param name="binary">a float's value: rounded half to even, as printf rounds the exact binary value</param>
    public string Format(decimal value, bool binary = false)
    {
        var negative = value < 0;
        var magnitude = Math.Abs(value);
        return _exponent ? Scientific(negative, magnitude) : Positional(negative, magnitude, binary);
    }

    private string Positional(bool negative, decimal magnitude, bool binary)
    {
        var rounded = Math.Round(magnitude, Math.Min(_fractionDigits, 28), binary ? MidpointRounding.ToEven : MidpointRounding.AwayFromZero);
        negative &= rounded != 0;
        var text = rounded.ToString("F" + _fractionDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var point = text.IndexOf('.');
        var integer = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        // A zero integer part is left out before a decimal point (0.5 → ".5") and printed otherwise.
        if (integer == "0" && _tokens.Any(t => t.Kind == Kind.Point))
            integer = "";
        var overflow = integer.Length > _integerDigits;
        var blank = _integerDigits - integer.Length;
        // FM drops the trailing fraction zeros that stand on 9 positions.
        var fractionKeep = fraction.Length;
        if (_fill)
        {
            var fractionTokens = _tokens.SkipWhile(t => t.Kind != Kind.Point).Where(t => t.Kind is Kind.Nine or Kind.Zero).ToArray();
            while (fractionKeep > 0 && fraction[fractionKeep - 1] == '0' && fractionTokens[fractionKeep - 1].Kind == Kind.Nine)
                fractionKeep--;
        }
        // FM with nothing left to print (0 as "FM9.9") still shows the zero: "0.".
        if (_fill && integer.Length == 0 && fractionKeep == 0 && _integerDigits > 0)
        {
            integer = "0";
            blank = _integerDigits - 1;
        }
        var output = new StringBuilder();
        var signText = negative ? "-" : _leadingSign ? "+" : _fill ? "" : " ";
        var anchoredSign = !_explicitSign && (_leadingSign || !_tokens.Any(t => t.Kind == Kind.Sign));
        var signWritten = !anchoredSign;
        var position = 0; // integer digit positions seen
        var fractionPosition = 0;
        var started = false; // a digit (or forced zero) of the integer part has been written
        var afterPoint = false;
        if (_tokens.Any(t => t.Kind == Kind.Brackets))
            output.Append(negative ? "<" : _fill ? "" : " ");
        void WriteSign()
        {
            if (!signWritten)
            {
                output.Append(signText);
                signWritten = true;
            }
        }
        foreach (var token in _tokens)
        {
            switch (token.Kind)
            {
                case Kind.Nine or Kind.Zero when !afterPoint:
                {
                    var k = position++;
                    if (overflow)
                    {
                        WriteSign();
                        output.Append('#');
                        break;
                    }
                    if (k < blank)
                    {
                        if (token.Kind == Kind.Zero || k >= _firstZero)
                        {
                            WriteSign();
                            output.Append('0');
                            started = true;
                        }
                        else if (!_fill)
                        {
                            output.Append(' ');
                        }
                        break;
                    }
                    WriteSign();
                    output.Append(integer[k - blank]);
                    started = true;
                    break;
                }
                case Kind.Nine or Kind.Zero:
                {
                    var k = fractionPosition++;
                    if (overflow)
                        output.Append('#');
                    else if (k < fractionKeep)
                        output.Append(fraction[k]);
                    break;
                }
                case Kind.Point:
                    WriteSign();
                    output.Append('.');
                    afterPoint = true;
                    break;
                case Kind.Group:
                    if (started || overflow)
                        output.Append(',');
                    else if (!_fill)
                        output.Append(' ');
                    break;
                case Kind.Sign:
                    if (!anchoredSign || !_leadingSign)
                        output.Append(negative ? '-' : '+');
                    break;
                case Kind.Minus:
                    output.Append(negative ? "-" : _fill ? "" : " ");
                    break;
                case Kind.Plus:
                    output.Append(negative ? (_fill ? "" : " ") : "+");
                    break;
                case Kind.SignAlways:
                    output.Append(negative ? '-' : '+');
                    break;
                case Kind.Brackets:
                    break;
                default:
                    output.Append(token.Text);
                    break;
            }
        }
        WriteSign();
        if (_tokens.Any(t => t.Kind == Kind.Brackets))
            output.Append(negative ? ">" : _fill ? "" : " ");
        return output.ToString();
    }

    /// <summary>EEEE: one integer digit, the template's fraction digits, e±dd (at least two exponent digits).</summary>
    private string Scientific(bool negative, decimal magnitude)
    {
        var text = ((double)magnitude).ToString("E" + _fractionDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = text[..e];
        var sign = negative ? "-" : _fill ? "" : " ";
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}");
    }
}
