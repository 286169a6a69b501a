using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Archive.SearchEmulator;

/// <summary>
/// Reads stored fields (<c>.fdt</c>, also inside compound files) through a buffer copied in blocks from the
/// memory-mapped file. Every search result page decompresses a chunk of stored fields per hit, and Lucene's LZ4
/// decompressor reads it mostly byte by byte: through <see cref="MMapDirectory"/> each byte is a checked call into a
/// mapped buffer (about a sixth of the emulator's CPU in a profile of the benchmark), from a buffer it is an array read.
/// The bytes read are the same; every other file is read as before.
/// </summary>
internal sealed class StoredFieldsBufferingDirectory(LuceneDirectory inner) : FilterDirectory(inner)
{
    private const int ReadBufferSize = 4096;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = base.OpenInput(name, context);
        return IsStoredFields(name) ? new BufferedInput(name, input, input.Length) : input;
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context) => new Slicer(Delegate.CreateSlicer(name, context));

    private static bool IsStoredFields(string name) => name.EndsWith(".fdt", StringComparison.Ordinal);

    /// <summary>Hands out compound-file slices, buffering the stored-fields ones.</summary>
    private sealed class Slicer(IndexInputSlicer inner) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            var slice = inner.OpenSlice(sliceDescription, offset, length);
            return IsStoredFields(sliceDescription) ? new BufferedInput(sliceDescription, slice, length) : slice;
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => inner.OpenFullSlice();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
        }
    }

    /// <summary>A buffered view of another input: refills copy a block at the current position.</summary>
    private sealed class BufferedInput(string description, IndexInput inner, long length) : BufferedIndexInput("Buffered(" + description + ")", ReadBufferSize)
    {
        private IndexInput source = inner;
        private bool clone;

        public override long Length => length;

        public override object Clone()
        {
            var copy = (BufferedInput)base.Clone();
            copy.source = (IndexInput)source.Clone();
            copy.clone = true;
            return copy;
        }

        protected override void ReadInternal(byte[] b, int offset, int length)
        {
            source.Seek(Position);
            source.ReadBytes(b, offset, length);
        }

        protected override void SeekInternal(long pos)
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !clone)
            {
                source.Dispose();
            }
        }
    }
}
