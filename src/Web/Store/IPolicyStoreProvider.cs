using GreenPolicy.Search;

namespace GreenPolicy.Web.Store;

/// <summary>
/// Hands out the store of the index generation currently being served. Read once per request
/// (the scoped IPolicyStore), so a generation switch is picked up by the next request and no
/// answer mixes two generations.
/// </summary>
public interface IPolicyStoreProvider
{
    IPolicyStore Current { get; }
}

/// <summary>A provider over one fixed store (tests, tools).</summary>
public sealed class FixedPolicyStoreProvider(IPolicyStore store) : IPolicyStoreProvider
{
    public IPolicyStore Current { get; } = store;
}

/// <summary>Thrown when no index generation can be served (no corpus and no index).</summary>
public sealed class StoreUnavailableException(string message) : Exception(message);
