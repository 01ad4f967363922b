using GreenPolicy.Search;

namespace GreenPolicy.Web.Store;

/// <summary>
/// Hands out the store of the index generation currently being served. Each request takes one lease
/// (a scoped service), so a generation switch is picked up by the next request, no answer mixes two
/// generations, and an old generation is closed only when its last request has finished.
/// </summary>
public interface IPolicyStoreProvider
{
    /// <summary>The generation serving now (for one-off calls outside a request).</summary>
    IPolicyStore Current { get; }

    /// <summary>Pins the current generation until the lease is disposed.</summary>
    StoreLease Acquire();
}

/// <summary>One request's hold on a generation.</summary>
public sealed class StoreLease(IPolicyStore store, IDisposable? release = null) : IDisposable
{
    public IPolicyStore Store { get; } = store;

    public void Dispose() => release?.Dispose();
}

/// <summary>A provider over one fixed store (tests, tools).</summary>
public sealed class FixedPolicyStoreProvider(IPolicyStore store) : IPolicyStoreProvider
{
    public IPolicyStore Current { get; } = store;

    public StoreLease Acquire() => new(Current);
}
