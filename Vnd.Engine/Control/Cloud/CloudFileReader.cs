using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// Typed access to the YAML representation of a cloud file that records every problem with the line and column of
/// the offending node instead of stopping at the first. Accessors return null after recording an error so section
/// readers can keep going and report the rest of the file.
/// </summary>
internal sealed partial class CloudFileReader
{
    private readonly List<CloudModelError> errors = [];

    /// <summary>Problems found so far, in the order they were met.</summary>
    public IReadOnlyList<CloudModelError> Errors => errors;

    /// <summary>Records a problem at a node's start.</summary>
    public void Error(YamlNode at, string message) =>
        errors.Add(new CloudModelError((int)at.Start.Line, (int)at.Start.Column, message));

    /// <summary>The node as a mapping, or an error naming what was expected.</summary>
    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode map)
            return map;
        Error(node, $"{what} must be a mapping");
        return null;
    }

    /// <summary>Reports keys other than the allowed ones, which are almost always typos.</summary>
    public void OnlyKeys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(allowed, name) < 0)
                Error(key, $"unknown key \"{name}\" in {what} (expected one of: {string.Join(", ", allowed)})");
        }
    }

    /// <summary>The value under a key, or null (with an error when required).</summary>
    public YamlNode? Value(YamlMappingNode map, string key, string what, bool required)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var value))
            return value;
        if (required)
            Error(map, $"{what} is missing \"{key}\"");
        return null;
    }

    /// <summary>The items of a sequence under a key; empty when absent or malformed.</summary>
    public IReadOnlyList<YamlNode> Items(YamlMappingNode map, string key, string what, bool required)
    {
        var value = Value(map, key, what, required);
        if (value is null)
            return [];
        if (value is YamlSequenceNode sequence)
            return sequence.Children.ToArray();
        Error(value, $"\"{key}\" in {what} must be a list");
        return [];
    }

    /// <summary>A scalar string under a key.</summary>
    public string? Text(YamlMappingNode map, string key, string what, bool required = true)
    {
        var value = Value(map, key, what, required);
        if (value is null)
            return null;
        if (value is YamlScalarNode { Value: { Length: > 0 } text })
            return text;
        Error(value, $"\"{key}\" in {what} must be a non-empty text value");
        return null;
    }

    /// <summary>A name: letters, digits, '_', '-' and '.', so it survives shells, SQL identifiers and logs.</summary>
    public string? Name(YamlMappingNode map, string key, string what)
    {
        var text = Text(map, key, what);
        if (text is null)
            return null;
        if (NamePattern().IsMatch(text))
            return text;
        Error(map.Children[new YamlScalarNode(key)],
            $"\"{text}\" is not a valid name (letters, digits, '_', '-', '.'; at most 63 characters)");
        return null;
    }

    /// <summary>An integer within bounds.</summary>
    public long? Integer(YamlMappingNode map, string key, string what, long min, long max, bool required = true)
    {
        var value = Value(map, key, what, required);
        if (value is null)
            return null;
        if (value is YamlScalarNode { Value: { } text } &&
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) &&
            number >= min && number <= max)
            return number;
        Error(value, $"\"{key}\" in {what} must be an integer from {min} to {max}");
        return null;
    }

    /// <summary>A Linux network device name (tc attaches to it): at most 15 bytes, no '/', ':' or spaces.</summary>
    public SwitchPort? Port(YamlMappingNode map, string nameKey, string ofPortKey, string what)
    {
        var name = Text(map, nameKey, what);
        // 0xff00 is OFPP_MAX: higher numbers are reserved OpenFlow ports (LOCAL, CONTROLLER, ...).
        var ofPort = Integer(map, ofPortKey, what, 1, 0xff00);
        if (name is not null && !DevicePattern().IsMatch(name))
        {
            Error(map.Children[new YamlScalarNode(nameKey)],
                $"\"{name}\" is not a valid network device name (1-15 characters, no '/', ':' or spaces)");
            return null;
        }
        return name is null || ofPort is null ? null : new SwitchPort(name, (int)ofPort.Value);
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,15}$")]
    private static partial Regex DevicePattern();
}
