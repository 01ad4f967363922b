using System.Runtime.InteropServices;
using GreenPolicy.Domain.Linking;
using Microsoft.Win32.SafeHandles;

namespace GreenPolicy.Pipeline;

/// <summary>
/// The clauses' texts in a temporary file, read back by clause: a build's linker reads every clause's text in each of
/// its steps and the texts of linked clauses while the documents are written, but held as strings they were ~360 MB
/// of the heap at 10,000 documents through the whole link stage. The file is gone once this is disposed, or the
/// process ends. A read is one positional read of the clause's UTF-16 bytes; the last clause read is kept per thread,
/// since the linker asks for one clause many times in a row (scoring reads the first clause of each of its ~40
/// candidate pairs, which come sorted by it). Reads are thread-safe.
/// </summary>
internal sealed class ClauseTextFile : IClauseTexts, IDisposable
{
    private readonly FileStream _file;
    private readonly List<long> _start = [0];
    /// <summary>The file's handle for positional reads, taken once the adding is over: FileStream's SafeFileHandle getter
    /// syncs the stream's position with a seek, a second system call for every read.</summary>
    private SafeFileHandle? _reads;

    [ThreadStatic]
    private static (ClauseTextFile? File, int Clause, string? Text) t_last;

    /// <summary>A new empty file in <paramref name="directory"/> (the system's temporary directory by default).</summary>
    public ClauseTextFile(string? directory = null)
    {
        var path = Path.Combine(directory ?? Path.GetTempPath(), $"greenpolicy-clause-texts-{Guid.NewGuid():N}.tmp");
        // Where an open file can be unlinked it is, at once: a build that is killed leaves nothing behind. Elsewhere the
        // system deletes it when the handle closes.
        var unlink = !OperatingSystem.IsWindows();
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20,
            unlink ? FileOptions.None : FileOptions.DeleteOnClose);
        if (unlink) File.Delete(path);
    }

    /// <summary>Appends the text of the next clause.</summary>
    public void Add(string text)
    {
        if (_reads is not null) throw new InvalidOperationException("the clause texts are complete: no more can be added");
        _file.Write(MemoryMarshal.AsBytes(text.AsSpan()));
        _start.Add(_file.Position);
    }

    /// <summary>Ends the adding: the texts can be read from now on.</summary>
    public void Complete()
    {
        _file.Flush();
        _reads = _file.SafeFileHandle;
    }

    public int Count => _start.Count - 1;

    public string this[int clause]
    {
        get
        {
            if ((uint)clause >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(clause), clause, $"{Count} clauses");
            var last = t_last;
            if (ReferenceEquals(last.File, this) && last.Clause == clause) return last.Text!;
            var file = _reads ?? throw new InvalidOperationException("the clause texts are read before they are complete");
            var start = _start[clause];
            var text = string.Create((int)((_start[clause + 1] - start) / sizeof(char)), (file, start), static (chars, at) =>
                ReadExactly(at.file, MemoryMarshal.AsBytes(chars), at.start));
            t_last = (this, clause, text);
            return text;
        }
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> into, long offset)
    {
        while (into.Length > 0)
        {
            var read = RandomAccess.Read(file, into, offset);
            if (read <= 0) throw new EndOfStreamException("the clause texts' file is shorter than what was written to it");
            into = into[read..];
            offset += read;
        }
    }

    public void Dispose() => _file.Dispose();
}
