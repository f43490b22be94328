using Lucene.Net.Store;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>
/// Bytes left on a pretend disk, shared by every writer that goes through it; past them a write fails with the same
/// IOException (and HResult) the OS gives for a full disk. Unlimited until <see cref="Limit"/>.
/// </summary>
public sealed class DiskBudget
{
    private readonly System.Threading.Lock gate = new();
    private long? left;

    public void Limit(long bytes)
    {
        lock (gate)
        {
            left = bytes;
        }
    }

    public void Lift()
    {
        lock (gate)
        {
            left = null;
        }
    }

    public void Take(long bytes)
    {
        lock (gate)
        {
            if (left is not { } available)
            {
                return;
            }

            if (bytes > available)
            {
                left = 0;
                throw new IOException("No space left on device (injected by the test)", OperatingSystem.IsWindows() ? unchecked((int)0x80070070) : 28);
            }

            left = available - bytes;
        }
    }
}

/// <summary>A Lucene directory whose outputs spend a <see cref="DiskBudget"/>.</summary>
public sealed class BudgetDirectory(Lucene.Net.Store.Directory inner, DiskBudget budget) : FilterDirectory(inner)
{
    public override IndexOutput CreateOutput(string name, IOContext context) => new BudgetOutput(base.CreateOutput(name, context), budget);

    private sealed class BudgetOutput(IndexOutput inner, DiskBudget budget) : IndexOutput
    {
        public override long Position => inner.Position;

        public override long Checksum => inner.Checksum;

        public override long Length => inner.Length;

        public override void WriteByte(byte b)
        {
            budget.Take(1);
            inner.WriteByte(b);
        }

        public override void WriteBytes(byte[] b, int offset, int length)
        {
            budget.Take(length);
            inner.WriteBytes(b, offset, length);
        }

        public override void Flush() => inner.Flush();

        [Obsolete("As Lucene's own outputs: only the position matters.")]
        public override void Seek(long pos) => inner.Seek(pos);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
        }
    }
}

/// <summary>A file stream whose writes spend a <see cref="DiskBudget"/>.</summary>
public sealed class BudgetStream(FileStream inner, DiskBudget budget) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        budget.Take(buffer.Length);
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        budget.Take(buffer.Length);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();
}
