namespace Vnd.Executor.Expressions;

/// <summary>
/// PostgreSQL counts text positions in characters (code points); .NET strings index UTF-16 units. These convert
/// between the two, a surrogate pair being one character.
/// </summary>
internal static class CodePoints
{
    /// <summary>The UTF-16 index of character <paramref name="characters"/> (0-based), or the length past the end.</summary>
    public static int IndexOf(string text, int characters)
    {
        var index = 0;
        for (var c = 0; c < characters && index < text.Length; c++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
        return index;
    }

    /// <summary>How many characters precede UTF-16 index <paramref name="index"/>.</summary>
    public static int Before(string text, int index)
    {
        var characters = index;
        for (var i = 0; i < index; i++)
        {
            if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))
                characters--;
        }
        return characters;
    }
}
