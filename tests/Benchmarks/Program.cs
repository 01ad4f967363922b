using GreenPolicy.Benchmarks.Corpus;

namespace GreenPolicy.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        var seeds = SeedCorpus.Read(args[1]);
        var gen = new CorpusGenerator(seeds, 7);
        var bytes = gen.Write(int.Parse(args[2]), args[3], Path.Combine(args[1], "taxonomy"));
        Console.WriteLine($"{bytes} bytes");
        return 0;
    }
}
