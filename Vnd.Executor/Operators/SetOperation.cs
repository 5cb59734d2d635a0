namespace Vnd.Executor.Operators;

public enum SetOperation : byte
{
    Union,
    Intersect,
    Except,
}
