using GreenPolicy.Domain.Linking;

namespace GreenPolicy.Indexer.Tests.Linking;

public sealed class IdListsTests
{
    [Fact]
    public void Lists_read_back_as_written_across_chunks()
    {
        var random = new Random(7);
        // Gaps from 0 to past 2^28 (1 to 5 bytes each), empty lists, and chunks of 64 bytes, so that lists fill chunks.
        var lists = Enumerable.Range(0, 2_000).Select(_ =>
        {
            var n = random.Next(0, 9);
            var ids = new int[n];
            var last = 0;
            for (var k = 0; k < n; k++) ids[k] = last += random.Next(5) switch { 0 => 0, 1 => random.Next(128), 2 => random.Next(1 << 14), 3 => random.Next(1 << 21), _ => random.Next(1 << 28) };
            return ids;
        }).ToList();
        var store = new IdLists(chunkBytes: 64);
        foreach (var ids in lists) store.Add(ids);
        store.Trim();

        Assert.Equal(lists.Count, store.Count);
        for (var i = 0; i < lists.Count; i++)
        {
            Assert.Equal(lists[i], store.ToArray(i));
            var reader = store[i];
            Assert.Equal(lists[i].Length, reader.Count);
            var read = new List<int>();
            while (reader.Next(out var id)) read.Add(id);
            Assert.Equal(lists[i], read);
            Assert.False(reader.Next(out _));
        }
    }

    [Fact]
    public void Ids_that_descend_or_are_negative_are_refused()
    {
        var store = new IdLists();
        Assert.Throws<ArgumentException>(() => store.Add([3, 2]));
        Assert.Throws<ArgumentException>(() => store.Add([-1, 4]));
        Assert.Throws<ArgumentException>(() => new IdLists(chunkBytes: 16).Add([1, 2, 3]));
    }
}
