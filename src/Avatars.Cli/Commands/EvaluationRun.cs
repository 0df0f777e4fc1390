using Avatars.Data;
using Avatars.Engine.Reporting.Evaluation;
using Spectre.Console;
using Table = Avatars.Data.Table;

namespace Avatars.Cli.Commands;

/// <summary>Runs an evaluation with a status line per part.</summary>
internal static class EvaluationRun
{
    public static AvatarEvaluation Evaluate(IAnsiConsole console, Table original, Table avatars, EvaluationOptions options, CancellationToken cancellationToken)
    {
        var progress = new CallbackProgress<string>(part => console.WriteLine($"Evaluating {part}…"));
        return AvatarEvaluator.Evaluate(original, avatars, options, progress, cancellationToken);
    }
}
