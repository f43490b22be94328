namespace FlinkSearch.Cli;

/// <summary>Exit codes of the command-line verbs, as the contract fixes them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
