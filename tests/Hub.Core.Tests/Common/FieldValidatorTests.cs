using Hub.Core.Common;

namespace Hub.Core.Tests.Common;

public sealed class FieldValidatorTests
{
    [Theory]
    [InlineData("editor@viernheim.de", true)]
    [InlineData("a.b-c+d@sub.example.org", true)]
    [InlineData("no-at-sign", false)]
    [InlineData("two@@ats.de", false)]
    [InlineData("a@b", false)]
    [InlineData("spaces in@x.de", false)]
    [InlineData("Name <a@b.de>", false)]
    [InlineData("a@.de", false)]
    public void IsEmail_Examples(string value, bool expected) => Assert.Equal(expected, FieldValidator.IsEmail(value));

    [Fact]
    public void Required_MissingAndTooLong_GivesOneErrorPerField()
    {
        var v = new FieldValidator().Required("name", "  ", 10).Required("title", new string('x', 11), 10).Required("ok", "fine", 10);

        var error = v.ToError();

        Assert.Equal(["name", "title"], error.FieldErrors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(FieldValidator.RequiredMessage, error.FieldErrors["name"][0].Template);
        Assert.Equal("Höchstens 10 Zeichen.", error.FieldErrors["title"][0].ToString());
        Assert.Equal("validation_failed", error.Code);
    }

    [Fact]
    public void Range_OutsideBounds_Fails_InsideOrNull_Passes()
    {
        Assert.True(new FieldValidator().Range("n", 0, 1, 5).HasErrors);
        Assert.True(new FieldValidator().Range("n", 6, 1, 5).HasErrors);
        Assert.False(new FieldValidator().Range("n", 5, 1, 5).HasErrors);
        Assert.False(new FieldValidator().Range("n", null, 1, 5).HasErrors);
    }

    [Fact]
    public void NormalizeEmail_TrimsAndLowercases() => Assert.Equal("editor@viernheim.demo", FieldValidator.NormalizeEmail("  Editor@Viernheim.DEMO "));

    [Theory]
    [InlineData(0, 0, 1, 1)]
    [InlineData(3, 500, 3, PageRequest.MaxPageSize)]
    [InlineData(2, 10, 2, 10)]
    public void PageRequest_ClampsNumberAndSize(int number, int size, int expectedNumber, int expectedSize)
    {
        var page = new PageRequest(number, size);

        Assert.Equal(expectedNumber, page.Number);
        Assert.Equal(expectedSize, page.Size);
        Assert.Equal((expectedNumber - 1) * expectedSize, page.Offset);
    }

    [Fact]
    public void Page_Counts_RoundUp()
    {
        var page = new Page<int>([1, 2], 1, 2, 5);

        Assert.Equal(3, page.PageCount);
        Assert.True(page.HasNext);
        Assert.False(page.HasPrevious);
        Assert.Equal(1, new Page<int>([], 1, 10, 0).PageCount);
    }
}
