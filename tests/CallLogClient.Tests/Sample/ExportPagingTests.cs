using CallLogClient.Sample.Export;

namespace CallLogClient.Tests.Sample;

/// <summary>The export's page step: repeats from a shifted list are written once, and a page with no way forward stops the export.</summary>
public sealed class ExportPagingTests
{
    private static readonly ExportPosition AfterFirstPage = new(3, ["a", "b", "c"], CreatedBefore: null);

    [Fact]
    public void A_call_log_the_previous_page_held_is_skipped_and_the_next_position_remembers_this_page()
    {
        var page = ExportPaging.Page(AfterFirstPage, ["c", "d", "e"], id => id, id => id.ToUpperInvariant(), hasMore: true, nextOffset: 6, "Test");

        Assert.Equal(["D", "E"], page.Rows);
        Assert.Equal(6, page.Next!.Offset);
        Assert.Equal(["d", "e"], page.Next.LastPageIds);
    }

    [Fact]
    public void The_last_page_has_no_next_position()
    {
        var page = ExportPaging.Page(AfterFirstPage, ["d"], id => id, id => id, hasMore: false, nextOffset: null, "Test");

        Assert.Equal(["d"], page.Rows);
        Assert.Null(page.Next);
    }

    [Theory]
    [InlineData(new string[0], 3)]
    [InlineData(new[] { "b", "c" }, 5)]
    [InlineData(new[] { "d" }, null)]
    [InlineData(new[] { "d" }, 3)]
    public void A_page_that_says_more_follow_but_gives_no_way_forward_stops_the_export(string[] ids, int? nextOffset)
    {
        var failure = Assert.Throws<InvalidOperationException>(
            () => ExportPaging.Page(AfterFirstPage, ids, id => id, id => id, hasMore: true, nextOffset, "Test"));

        Assert.StartsWith("Test: the page at offset 3 says more call logs follow but gives no way forward", failure.Message, StringComparison.Ordinal);
    }
}
