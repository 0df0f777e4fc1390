using Avatars.Tutorials;

// dotnet run --project tutorials/Avatars.Tutorials -- <quickstart|tutorial1|tutorial2|tutorial3|tutorial4|tutorial5|all> [data folder]
// Reads AVATAR_BASE_API_URL (default http://127.0.0.1:8000/api), AVATAR_USERNAME and AVATAR_PASSWORD, like the vendor's notebooks.
ITutorial[] tutorials = [new Quickstart(), new Tutorial1(), new Tutorial2(), new Tutorial3(), new Tutorial4(), new Tutorial5()];
var name = args.Length > 0 ? args[0] : null;
var selected = name == "all" ? tutorials : tutorials.Where(t => t.Name == name).ToArray();
if (selected.Length == 0)
{
    Console.Error.WriteLine("usage: dotnet run --project tutorials/Avatars.Tutorials -- <name|all> [data folder]");
    foreach (var tutorial in tutorials)
    {
        Console.Error.WriteLine($"  {tutorial.Name,-10} {tutorial.Title}");
    }

    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
try
{
    var environment = TutorialEnvironment.FromEnvironment(args.Length > 1 ? args[1] : null, Console.Out);
    foreach (var tutorial in selected)
    {
        Console.WriteLine($"== {tutorial.Title}");
        await tutorial.RunAsync(environment, cancellation.Token);
    }

    return 0;
}
catch (Exception ex) when (ex is TutorialCheckException or InvalidOperationException or FileNotFoundException or Avatars.Client.Http.AvatarsApiException or ArgumentException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
