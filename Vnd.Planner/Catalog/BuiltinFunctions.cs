using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Catalog;

/// <summary>
/// The functions of issue 3 with PostgreSQL's overloads and result types (pg_proc): sum(int4) → int8,
/// sum(int8) → numeric, avg(integer) → numeric, count → int8, ceil/round over numeric and float8, ….
/// Operators are not here: the binder types them (<c>OperatorTyping</c>).
/// </summary>
public static partial class BuiltinFunctions
{
    private static readonly SqlType Any = SqlType.Unknown;
    private static readonly SqlType[] Integers = [SqlType.Int2, SqlType.Int4, SqlType.Int8];
    private static readonly SqlType[] Timestamps = [SqlType.Timestamp, SqlType.TimestampTz];

    public static IReadOnlyList<FunctionSignature> All { get; } = Build();

    private static List<FunctionSignature> Build()
    {
        var f = new List<FunctionSignature>();
        AddAggregates(f);
        AddWindowFunctions(f);
        AddMath(f);
        AddTimeFunctions(f);
        AddStringFunctions(f);
        AddNetworkFunctions(f);
        AddCatalogTextFunctions(f);
        AddTextEditing(f);
        AddBytea(f);
        AddMoreMath(f);
        AddMoreNetwork(f);
        AddIntervalFunctions(f);
        AddArrayEditing(f);
        AddJson(f);
        return f;
    }

    private static void AddAggregates(List<FunctionSignature> f)
    {
        f.Add(Agg("count", [], SqlType.Int8));
        f.Add(Agg("count", [Any], SqlType.Int8));
        f.Add(Agg("sum", [SqlType.Int2], SqlType.Int8));
        f.Add(Agg("sum", [SqlType.Int4], SqlType.Int8));
        f.Add(Agg("sum", [SqlType.Int8], SqlType.Numeric));
        f.Add(Agg("sum", [SqlType.Numeric], SqlType.Numeric));
        f.Add(Agg("sum", [SqlType.Float4], SqlType.Float4));
        f.Add(Agg("sum", [SqlType.Float8], SqlType.Float8));
        f.Add(Agg("sum", [SqlType.Interval], SqlType.Interval));
        foreach (var integer in Integers)
        {
            f.Add(Agg("avg", [integer], SqlType.Numeric));
        }
        f.Add(Agg("avg", [SqlType.Numeric], SqlType.Numeric));
        f.Add(Agg("avg", [SqlType.Float8], SqlType.Float8));
        f.Add(Agg("avg", [SqlType.Interval], SqlType.Interval));
        foreach (var name in (string[])["stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop"])
        {
            // PostgreSQL has integer overloads returning numeric; without them an integer argument would resolve to
            // the float8 one (float8 is the numeric category's preferred type).
            foreach (var integer in Integers)
            {
                f.Add(Agg(name, [integer], SqlType.Numeric));
            }
            f.Add(Agg(name, [SqlType.Numeric], SqlType.Numeric));
            f.Add(Agg(name, [SqlType.Float8], SqlType.Float8));
        }
        f.Add(new("min", FunctionKind.Aggregate, [Any], Any, ReturnTypeRule.SameAsPolymorphic));
        f.Add(new("max", FunctionKind.Aggregate, [Any], Any, ReturnTypeRule.SameAsPolymorphic));
        f.Add(Agg("bool_and", [SqlType.Bool], SqlType.Bool));
        foreach (var type in Integers)
        {
            f.Add(Agg("bit_and", [type], type));
            f.Add(Agg("bit_or", [type], type));
            f.Add(Agg("bit_xor", [type], type));
        }
        f.Add(Agg("bool_or", [SqlType.Bool], SqlType.Bool));
        f.Add(Agg("every", [SqlType.Bool], SqlType.Bool));
        f.Add(Agg("string_agg", [SqlType.Text, SqlType.Text], SqlType.Text));
        f.Add(new("array_agg", FunctionKind.Aggregate, [Any], Any, ReturnTypeRule.ArrayOfPolymorphic));
        f.Add(Agg("percentile_cont", [SqlType.Float8], SqlType.Float8));
        f.Add(new("percentile_disc", FunctionKind.Aggregate, [SqlType.Float8], Any, ReturnTypeRule.SameAsPolymorphic));
        f.Add(new("mode", FunctionKind.Aggregate, [], Any, ReturnTypeRule.SameAsPolymorphic));
        foreach (var name in (string[])["corr", "covar_pop", "covar_samp", "regr_avgx", "regr_avgy", "regr_sxx", "regr_syy", "regr_sxy",
                     "regr_slope", "regr_intercept", "regr_r2"])
        {
            f.Add(Agg(name, [SqlType.Float8, SqlType.Float8], SqlType.Float8));
        }
        f.Add(Agg("regr_count", [SqlType.Float8, SqlType.Float8], SqlType.Int8));
    }

    private static void AddWindowFunctions(List<FunctionSignature> f)
    {
        foreach (var name in (string[])["row_number", "rank", "dense_rank"])
        {
            f.Add(new(name, FunctionKind.Window, [], SqlType.Int8));
        }
        foreach (var name in (string[])["lag", "lead"])
        {
            f.Add(new(name, FunctionKind.Window, [Any], Any, ReturnTypeRule.SameAsPolymorphic));
            f.Add(new(name, FunctionKind.Window, [Any, SqlType.Int4], Any, ReturnTypeRule.SameAsPolymorphic));
            f.Add(new(name, FunctionKind.Window, [Any, SqlType.Int4, Any], Any, ReturnTypeRule.SameAsPolymorphic));
        }
        f.Add(new("first_value", FunctionKind.Window, [Any], Any, ReturnTypeRule.SameAsPolymorphic));
        f.Add(new("last_value", FunctionKind.Window, [Any], Any, ReturnTypeRule.SameAsPolymorphic));
        f.Add(new("nth_value", FunctionKind.Window, [Any, SqlType.Int4], Any, ReturnTypeRule.SameAsPolymorphic));
        f.Add(new("ntile", FunctionKind.Window, [SqlType.Int4], SqlType.Int4));
        f.Add(new("percent_rank", FunctionKind.Window, [], SqlType.Float8));
        f.Add(new("cume_dist", FunctionKind.Window, [], SqlType.Float8));
    }

    private static void AddMath(List<FunctionSignature> f)
    {
        foreach (var name in (string[])["ceil", "ceiling", "floor", "round", "trunc", "sign", "sqrt", "ln", "exp"])
        {
            f.Add(Fn(name, [SqlType.Float8], SqlType.Float8));
            f.Add(Fn(name, [SqlType.Numeric], SqlType.Numeric));
        }
        f.Add(Fn("log", [SqlType.Float8], SqlType.Float8));
        f.Add(Fn("log", [SqlType.Numeric], SqlType.Numeric));
        f.Add(Fn("log", [SqlType.Numeric, SqlType.Numeric], SqlType.Numeric));
        f.Add(Fn("round", [SqlType.Numeric, SqlType.Int4], SqlType.Numeric));
        f.Add(Fn("trunc", [SqlType.Numeric, SqlType.Int4], SqlType.Numeric));
        // A numeric's display scale: as written, and without its trailing zeros (PostgreSQL 13+).
        f.Add(Fn("scale", [SqlType.Numeric], SqlType.Int4));
        f.Add(Fn("min_scale", [SqlType.Numeric], SqlType.Int4));
        f.Add(Fn("trim_scale", [SqlType.Numeric], SqlType.Numeric));
        foreach (var type in (SqlType[])[.. Integers, SqlType.Numeric, SqlType.Float4, SqlType.Float8])
        {
            f.Add(Fn("abs", [type], type));
        }
        foreach (var type in (SqlType[])[.. Integers, SqlType.Numeric])
        {
            f.Add(Fn("mod", [type, type], type));
        }
        f.Add(Fn("power", [SqlType.Float8, SqlType.Float8], SqlType.Float8));
        f.Add(Fn("width_bucket", [SqlType.Float8, SqlType.Float8, SqlType.Float8, SqlType.Int4], SqlType.Int4));
        f.Add(Fn("random", [], SqlType.Float8));
        f.Add(Fn("power", [SqlType.Numeric, SqlType.Numeric], SqlType.Numeric));
        foreach (var name in (string[])["greatest", "least", "coalesce"])
        {
            f.Add(new(name, FunctionKind.Scalar, [Any], Any, ReturnTypeRule.SameAsPolymorphic, Variadic: true));
        }
        f.Add(new("nullif", FunctionKind.Scalar, [Any, Any], Any, ReturnTypeRule.SameAsPolymorphic));
    }

    private static void AddTimeFunctions(List<FunctionSignature> f)
    {
        foreach (var type in Timestamps)
        {
            f.Add(Fn("date_trunc", [SqlType.Text, type], type));
            f.Add(Fn("date_part", [SqlType.Text, type], SqlType.Float8));
            f.Add(Fn("extract", [SqlType.Text, type], SqlType.Numeric));
        }
        f.Add(Fn("date_trunc", [SqlType.Text, SqlType.Interval], SqlType.Interval));
        f.Add(Fn("date_trunc", [SqlType.Text, SqlType.TimestampTz, SqlType.Text], SqlType.TimestampTz));
        f.Add(Fn("date_part", [SqlType.Text, SqlType.Interval], SqlType.Float8));
        f.Add(Fn("extract", [SqlType.Text, SqlType.Interval], SqlType.Numeric));
        f.Add(Fn("extract", [SqlType.Text, SqlType.Date], SqlType.Numeric));
        // PostgreSQL's date_part(text, date) reads the date as a timestamp (not the preferred timestamptz).
        f.Add(Fn("date_part", [SqlType.Text, SqlType.Date], SqlType.Float8));
        f.Add(Fn("date_part", [SqlType.Text, SqlType.Time], SqlType.Float8));
        f.Add(Fn("extract", [SqlType.Text, SqlType.Time], SqlType.Numeric));
        f.Add(Fn("make_time", [SqlType.Int4, SqlType.Int4, SqlType.Float8], SqlType.Time));
        f.Add(Fn("to_timestamp", [SqlType.Float8], SqlType.TimestampTz));
        f.Add(Fn("to_timestamp", [SqlType.Text, SqlType.Text], SqlType.TimestampTz));
        f.Add(Fn("to_date", [SqlType.Text, SqlType.Text], SqlType.Date));
        f.Add(Fn("to_number", [SqlType.Text, SqlType.Text], SqlType.Numeric));
        f.Add(Fn("now", [], SqlType.TimestampTz));
        // make_interval's parameters all default to 0 in PostgreSQL, so any leading subset may be passed.
        SqlType[] makeInterval = [SqlType.Int4, SqlType.Int4, SqlType.Int4, SqlType.Int4, SqlType.Int4, SqlType.Int4, SqlType.Float8];
        for (var count = 0; count <= makeInterval.Length; count++)
        {
            f.Add(Fn("make_interval", SqlList.From(makeInterval.Take(count)), SqlType.Interval));
        }
        SqlType[] dateTime = [SqlType.Int4, SqlType.Int4, SqlType.Int4, SqlType.Int4, SqlType.Int4, SqlType.Float8];
        f.Add(Fn("timezone", [SqlType.Text, SqlType.TimestampTz], SqlType.Timestamp));
        f.Add(Fn("timezone", [SqlType.Text, SqlType.Timestamp], SqlType.TimestampTz));
        foreach (var type in Timestamps)
        {
            f.Add(Fn("date_bin", [SqlType.Interval, type, type], type));
        }
        foreach (var type in Timestamps)
        {
            f.Add(Fn("to_char", [type, SqlType.Text], SqlType.Text));
        }
        // time has no to_char of its own: PostgreSQL reaches to_char(interval) through time's implicit cast.
        foreach (var type in (SqlType[])[SqlType.Int4, SqlType.Int8, SqlType.Numeric, SqlType.Float4, SqlType.Float8, SqlType.Interval, SqlType.Time])
        {
            f.Add(Fn("to_char", [type, SqlType.Text], SqlType.Text));
        }
        f.Add(Fn("make_date", [SqlType.Int4, SqlType.Int4, SqlType.Int4], SqlType.Date));
        f.Add(Fn("make_timestamp", SqlList.From(dateTime), SqlType.Timestamp));
        f.Add(Fn("make_timestamptz", SqlList.From(dateTime), SqlType.TimestampTz));
        f.Add(Fn("make_timestamptz", [.. dateTime, SqlType.Text], SqlType.TimestampTz));
    }

    private static void AddStringFunctions(List<FunctionSignature> f)
    {
        // char_length and character_length are length's SQL-standard names (the executor already runs all three).
        foreach (var name in (string[])["length", "char_length", "character_length"])
            f.Add(Fn(name, [SqlType.Text], SqlType.Int4));
        f.Add(Fn("lower", [SqlType.Text], SqlType.Text));
        f.Add(Fn("upper", [SqlType.Text], SqlType.Text));
        f.Add(Fn("md5", [SqlType.Text], SqlType.Text));
        f.Add(Fn("hashtext", [SqlType.Text], SqlType.Int4));
        f.Add(Fn("regexp_replace", [SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Text));
        f.Add(Fn("regexp_replace", [SqlType.Text, SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Text));
        f.Add(Fn("regexp_like", [SqlType.Text, SqlType.Text], SqlType.Bool));
        f.Add(Fn("regexp_like", [SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Bool));
        AddRegexSearchFunctions(f);
        f.Add(Fn("substr", [SqlType.Text, SqlType.Int4], SqlType.Text));
        f.Add(Fn("substr", [SqlType.Text, SqlType.Int4, SqlType.Int4], SqlType.Text));
        // The pattern forms first: PostgreSQL takes an untyped literal in FROM as the text (pattern) overload.
        f.Add(Fn("substring", [SqlType.Text, SqlType.Text], SqlType.Text));
        f.Add(Fn("substring", [SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Text));
        f.Add(Fn("substring", [SqlType.Text, SqlType.Int4], SqlType.Text));
        f.Add(Fn("substring", [SqlType.Text, SqlType.Int4, SqlType.Int4], SqlType.Text));
        f.Add(Fn("position", [SqlType.Text, SqlType.Text], SqlType.Int4));
        f.Add(Fn("replace", [SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Text));
        f.Add(Fn("split_part", [SqlType.Text, SqlType.Text, SqlType.Int4], SqlType.Text));
        f.Add(new("concat", FunctionKind.Scalar, [SqlType.Text], SqlType.Text, Variadic: true));
        f.Add(new("concat_ws", FunctionKind.Scalar, [SqlType.Text, SqlType.Text], SqlType.Text, Variadic: true));
        f.Add(new("format", FunctionKind.Scalar, [SqlType.Text], SqlType.Text));
        f.Add(new("format", FunctionKind.Scalar, [SqlType.Text, SqlType.Text], SqlType.Text, Variadic: true));
        foreach (var name in (string[])["btrim", "ltrim", "rtrim"])
        {
            f.Add(Fn(name, [SqlType.Text], SqlType.Text));
            f.Add(Fn(name, [SqlType.Text, SqlType.Text], SqlType.Text));
        }
    }

    private static void AddNetworkFunctions(List<FunctionSignature> f)
    {
        f.Add(Fn("host", [SqlType.Inet], SqlType.Text));
        f.Add(Fn("network", [SqlType.Inet], SqlType.Cidr));
        f.Add(Fn("masklen", [SqlType.Inet], SqlType.Int4));
        f.Add(Fn("family", [SqlType.Inet], SqlType.Int4));
        f.Add(Fn("set_masklen", [SqlType.Inet, SqlType.Int4], SqlType.Inet));
        f.Add(Fn("set_masklen", [SqlType.Cidr, SqlType.Int4], SqlType.Cidr));
        // text(inet) keeps the prefix even at full width, unlike host() and inet's output (also taken by cidr).
        f.Add(Fn("text", [SqlType.Inet], SqlType.Text));
    }

    /// <summary>Text helpers psql, Grafana and pgJDBC call in catalog queries (the catalog-bound ones live in the catalog).</summary>
    private static void AddCatalogTextFunctions(List<FunctionSignature> f)
    {
        f.Add(Fn("quote_ident", [SqlType.Text], SqlType.Text));
        f.Add(Fn("pg_size_pretty", [SqlType.Int8], SqlType.Text));
        f.Add(Fn("pg_size_pretty", [SqlType.Numeric], SqlType.Text));
        // Catalog array columns (relacl, datacl, reloptions) are kept in their text form: {a,b}.
        f.Add(Fn("array_to_string", [SqlType.Text, SqlType.Text], SqlType.Text));
        f.Add(Fn("array_to_string", [SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Text));
        foreach (var name in (string[])["array_upper", "array_lower", "array_length"])
        {
            f.Add(Fn(name, [SqlType.Text, SqlType.Int4], SqlType.Int4));
        }
        // A typed array reaches these as its text form (TypeRules lets an array pass where text is expected).
        f.Add(Fn("cardinality", [SqlType.Text], SqlType.Int4));
        f.Add(Fn("array_ndims", [SqlType.Text], SqlType.Int4));
        f.Add(Fn("array_dims", [SqlType.Text], SqlType.Text));
        var texts = SqlType.ArrayOf(SqlType.Text);
        f.Add(Fn("string_to_array", [SqlType.Text, SqlType.Text], texts));
        f.Add(Fn("string_to_array", [SqlType.Text, SqlType.Text, SqlType.Text], texts));
        f.Add(Fn("regexp_split_to_array", [SqlType.Text, SqlType.Text], texts));
        f.Add(Fn("regexp_split_to_array", [SqlType.Text, SqlType.Text, SqlType.Text], texts));
        f.Add(Fn("array_cat", [SqlType.Text, SqlType.Text], SqlType.Text));
        f.Add(Fn("parse_ident", [SqlType.Text], texts));
    }

    private static FunctionSignature Fn(string name, SqlList<SqlType> parameters, SqlType returns) =>
        new(name, FunctionKind.Scalar, parameters, returns);

    private static FunctionSignature Agg(string name, SqlList<SqlType> parameters, SqlType returns) =>
        new(name, FunctionKind.Aggregate, parameters, returns);
}
