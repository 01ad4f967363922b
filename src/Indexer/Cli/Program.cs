namespace GreenPolicy.Cli;

/// <summary>The indexer's command line: build, validate, export, show.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: GreenPolicy.Indexer build|validate|export|show");
        return args.Length == 0 ? 2 : 0;
    }
}
