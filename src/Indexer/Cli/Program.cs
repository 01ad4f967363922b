using GreenPolicy.Index;
using GreenPolicy.Pipeline;

namespace GreenPolicy.Cli;

/// <summary>The indexer's command line: build, validate, export, show.</summary>
public static class Program
{
    private const string Usage = """
        usage: GreenPolicy.Indexer <command> [options]
          build    [--corpus DIR] [--index DIR]        parse the corpus and write a new index generation
          validate [--corpus DIR]                      report every problem with file and line (exit 1 if any)
          export   --format jsonl [--out FILE] [--corpus DIR]   every clause with all its fields
          show     <clause-id> [--corpus DIR] [--index DIR]     one clause as JSON
        defaults: corpus/ and data/index/ under the folder holding GreenPolicy.sln
        """;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());

    /// <summary>The command line with its streams and working directory given (tests call this).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stderr.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        Options options;
        try
        {
            options = Options.Parse(args.Skip(1).ToArray());
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine(e.Message);
            stderr.WriteLine(Usage);
            return 2;
        }
        var root = RepoPaths.FindRoot(workingDirectory);
        var corpus = options.Get("corpus") is { } c ? Path.GetFullPath(c, workingDirectory) : root is null ? null : RepoPaths.DefaultCorpus(root);
        var index = options.Get("index") is { } i ? Path.GetFullPath(i, workingDirectory) : root is null ? null : RepoPaths.DefaultIndex(root);
        if (corpus is null || index is null)
        {
            stderr.WriteLine($"no {RepoPaths.SolutionFile} above {workingDirectory}: give --corpus and --index");
            return 2;
        }
        return args[0] switch
        {
            "build" => Build(corpus, index, stdout, stderr),
            "validate" => Validate(corpus, stdout, stderr),
            "export" => Export(corpus, options, stdout, stderr, workingDirectory),
            "show" => Show(corpus, index, options, stdout, stderr),
            _ => UnknownCommand(args[0], stderr),
        };
    }

    private static int UnknownCommand(string command, TextWriter stderr)
    {
        stderr.WriteLine($"unknown command '{command}'");
        stderr.WriteLine(Usage);
        return 2;
    }

    private static int Build(string corpus, string index, TextWriter stdout, TextWriter stderr)
    {
        stdout.WriteLine($"building {index} from {corpus}");
        var result = IndexBuild.Run(corpus, index, line => stdout.WriteLine("  " + line));
        foreach (var w in result.Warnings)
        {
            stderr.WriteLine($"warning: {w}");
        }
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                stderr.WriteLine($"error: {e}");
            }
            stderr.WriteLine("build failed: the serving index (if any) is unchanged");
            return 1;
        }
        var m = result.Manifest!;
        foreach (var removed in result.RemovedGenerations)
        {
            stdout.WriteLine($"  removed old generation {removed}");
        }
        stdout.WriteLine($"built {m.Generation}: {m.Documents} documents, {m.Clauses} clauses, {result.Seconds:0.0} s");
        return 0;
    }

    private static int Validate(string corpus, TextWriter stdout, TextWriter stderr)
    {
        using var result = CorpusPipeline.Run(corpus);
        foreach (var w in result.Warnings)
        {
            stderr.WriteLine($"warning: {w}");
        }
        foreach (var e in result.Errors)
        {
            stderr.WriteLine($"error: {e}");
        }
        if (!result.Succeeded)
        {
            stderr.WriteLine($"{result.Errors.Count} error(s)");
            return 1;
        }
        stdout.WriteLine($"ok: {result.Documents.Count} documents, {result.Documents.Sum(d => d.Clauses.Count)} clauses");
        return 0;
    }

    private static int Export(string corpus, Options options, TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        var format = options.Get("format") ?? "jsonl";
        if (format != "jsonl")
        {
            stderr.WriteLine($"unknown format '{format}' (jsonl)");
            return 2;
        }
        using var result = CorpusPipeline.Run(corpus);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                stderr.WriteLine($"error: {e}");
            }
            return 1;
        }
        var outPath = options.Get("out");
        using var writer = outPath is null ? null : new StreamWriter(Path.GetFullPath(outPath, workingDirectory), false, new System.Text.UTF8Encoding(false));
        var target = writer ?? stdout;
        var count = 0;
        foreach (var clause in result.Documents.SelectMany(d => d.Clauses))
        {
            target.WriteLine(IndexJson.Write(clause));
            count++;
        }
        if (outPath is not null)
        {
            stderr.WriteLine($"exported {count} clauses to {outPath}");
        }
        return 0;
    }

    private static int Show(string corpus, string index, Options options, TextWriter stdout, TextWriter stderr)
    {
        var id = options.Positional.FirstOrDefault();
        if (id is null)
        {
            stderr.WriteLine("show needs a clause id, e.g. show guizhou-2018-14/part_3__item_2");
            return 2;
        }
        Domain.Clause? clause;
        if (IndexLayout.ReadCurrent(index) is { } generation)
        {
            using var store = LuceneStore.Open(Path.Combine(index, generation), () => DateOnly.FromDateTime(DateTime.Today));
            clause = store.Clause(id);
        }
        else
        {
            using var result = CorpusPipeline.Run(corpus);
            clause = result.Documents.SelectMany(d => d.Clauses).FirstOrDefault(c => c.Id == id);
        }
        if (clause is null)
        {
            stderr.WriteLine($"no clause '{id}'");
            return 1;
        }
        stdout.WriteLine(System.Text.Json.JsonSerializer.Serialize(clause, new System.Text.Json.JsonSerializerOptions(IndexJson.Options) { WriteIndented = true }));
        return 0;
    }

    private sealed class Options
    {
        private readonly Dictionary<string, string> named = new(StringComparer.Ordinal);

        public List<string> Positional { get; } = [];

        public string? Get(string name) => named.GetValueOrDefault(name);

        public static Options Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    var name = args[i][2..];
                    var eq = name.IndexOf('=');
                    if (eq >= 0)
                    {
                        o.named[name[..eq]] = name[(eq + 1)..];
                    }
                    else if (i + 1 < args.Length)
                    {
                        o.named[name] = args[++i];
                    }
                    else
                    {
                        throw new ArgumentException($"option --{name} needs a value");
                    }
                }
                else
                {
                    o.Positional.Add(args[i]);
                }
            }
            return o;
        }
    }
}
