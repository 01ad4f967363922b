using GreenPolicy.Index;
using GreenPolicy.Search;

namespace GreenPolicy.Web.Store;

/// <summary>The production provider: the index generations under data/index, managed by IndexManager.</summary>
public sealed class IndexStoreProvider(IndexManager manager) : IPolicyStoreProvider, IDisposable
{
    public IPolicyStore Current => manager;

    public StoreLease Acquire()
    {
        var lease = manager.Acquire();
        return new StoreLease(lease.Store, lease);
    }

    public void Dispose() => manager.Dispose();
}
