using System.Runtime.InteropServices;
using Vnd.Executor.Storage.Builders;

namespace Vnd.Executor.Tests.Storage;

/// <summary>
/// <see cref="IntegerNarrowing"/> cuts each value to its low bytes straight from the builder's values into the
/// narrowed buffer: every source and stored width, lengths around the vector steps, and values using every bit.
/// </summary>
public sealed class IntegerNarrowingTests
{
    [Theory]
    [InlineData(8, 4)]
    [InlineData(8, 2)]
    [InlineData(8, 1)]
    [InlineData(4, 2)]
    [InlineData(4, 1)]
    [InlineData(2, 1)]
    public void Each_value_becomes_its_low_bytes_and_the_source_is_untouched(int sourceWidth, int width)
    {
        var random = new Random(sourceWidth * 10 + width);
        foreach (var count in new[] { 0, 1, 15, 16, 31, 32, 33, 64, 1000 })
        {
            var source = new byte[count * sourceWidth];
            random.NextBytes(source);
            var original = source.ToArray();
            var target = new byte[count * sourceWidth];
            target.AsSpan().Fill(0xEE);

            IntegerNarrowing.Narrow(source, sourceWidth, target, width);

            Assert.Equal(original, source);
            for (var i = 0; i < count; i++)
                Assert.Equal(source.AsSpan(i * sourceWidth, width).ToArray(), target.AsSpan(i * width, width).ToArray());
        }
    }

    [Fact]
    public void Low_bytes_are_the_value_for_values_that_fit()
    {
        long[] values = [0, 1, -1, 127, -128, 255, 32767, -32768, 65535];
        // As long as the source: the 8-byte values are halved to 4 bytes in the target first.
        var target = new byte[values.Length * sizeof(long)];
        IntegerNarrowing.Narrow(MemoryMarshal.AsBytes(values.AsSpan()), sizeof(long), target, 2);
        var shorts = MemoryMarshal.Cast<byte, short>(target);
        for (var i = 0; i < values.Length; i++)
            Assert.Equal((short)values[i], shorts[i]);
    }
}
