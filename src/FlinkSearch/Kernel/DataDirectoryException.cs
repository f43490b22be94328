namespace FlinkSearch.Kernel;

/// <summary>The data directory cannot be used (not creatable, not writable); the message says which and what to do.</summary>
public sealed class DataDirectoryException(string message, Exception inner) : Exception(message, inner);
