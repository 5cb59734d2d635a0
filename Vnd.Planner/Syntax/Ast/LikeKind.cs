namespace Vnd.Planner.Syntax.Ast;

public enum LikeKind
{
    Like,
    ILike,
    SimilarTo,
}
