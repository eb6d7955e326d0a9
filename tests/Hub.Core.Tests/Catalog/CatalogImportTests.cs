using Hub.Core.Catalog;

namespace Hub.Core.Tests.Catalog;

public sealed class CatalogImportTests
{
    private static Dictionary<string, string> Files(string? themenfelder = null, string? lebenslagen = null, string? services = null, string? leika = null) => new()
    {
        [CatalogImport.ThemenfelderFile] = themenfelder ?? "themenfeld_id,themenfeld\n1,Arbeit & Ruhestand\n10,Querschnitt\n",
        [CatalogImport.LebenslagenFile] = lebenslagen ?? "lebenslage_id,themenfeld_id,lebenslage\n37,10,Geburt\n",
        [CatalogImport.ServicesFile] = services ?? "ozg_id,name,lebenslage_id,themenfeld_id\n10557,Geburtsurkunde und -bescheinigung,37,10\n",
        [CatalogImport.LeikaFile] = leika ?? "leika_key,name,ozg_id,leika_typ,sdg_relevant\n99001001000000,\"Urkunde, Geburt\",10557,\"1, 2/3\",1\n,Ohne Schlüssel,10557,5,0\n",
    };

    [Fact]
    public void Parse_ValidFiles_ReturnsEveryRowWithQuotedCommas()
    {
        var (set, errors) = CatalogImport.Parse(Files());

        Assert.Empty(errors);
        Assert.Equal(2, set!.Themenfelder.Count);
        Assert.Equal(new ServiceRow("10557", "Geburtsurkunde und -bescheinigung", 37, 10), set.Services.Single());
        Assert.Equal(new LeikaRow("99001001000000", "Urkunde, Geburt", "10557", "1, 2/3", true), set.Leika[0]);
        Assert.Null(set.Leika[1].Key);
    }

    [Fact]
    public void Parse_MissingFile_NamesIt()
    {
        var files = Files();
        files.Remove(CatalogImport.LeikaFile);

        var (set, errors) = CatalogImport.Parse(files);

        Assert.Null(set);
        Assert.Equal(["leika-leistungen.csv: file missing."], errors);
    }

    [Fact]
    public void Parse_WrongHeader_IsRefused()
    {
        var (set, errors) = CatalogImport.Parse(Files(themenfelder: "id,name\n1,Arbeit\n"));

        Assert.Null(set);
        Assert.Contains(errors, e => e.StartsWith("ozg-themenfelder.csv:1: expected the header", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ozg_id,name,lebenslage_id,themenfeld_id\n1055,Kurz,37,10\n", "ozg-leistungen.csv:2: ozg_id must have 5 digits")]
    [InlineData("ozg_id,name,lebenslage_id,themenfeld_id\n10557,,37,10\n", "ozg-leistungen.csv:2: name must have 1 to 500 characters")]
    [InlineData("ozg_id,name,lebenslage_id,themenfeld_id\n10557,Urkunde,37\n", "ozg-leistungen.csv:2: expected 4 fields, found 3")]
    [InlineData("ozg_id,name,lebenslage_id,themenfeld_id\n10557,Urkunde,37,zehn\n", "ozg-leistungen.csv:2: themenfeld_id must be a positive whole number")]
    [InlineData("ozg_id,name,lebenslage_id,themenfeld_id\n10557,Urkunde,99,10\n", "ozg-leistungen.csv:2: unknown lebenslage_id 99")]
    [InlineData("ozg_id,name,lebenslage_id,themenfeld_id\n10557,Urkunde,37,14\n", "ozg-leistungen.csv:2: unknown themenfeld_id 14")]
    public void Parse_BadServiceRow_NamesFileLineAndProblem(string services, string expected)
    {
        var (set, errors) = CatalogImport.Parse(Files(services: services));

        Assert.Null(set);
        Assert.Contains(expected, errors);
    }

    [Theory]
    [InlineData("123,Kurz,10557,5,1", "leika_key must be empty or have 14 digits")]
    [InlineData("99001001000000,Urkunde,10557,X,1", "leika_typ must look like 1, 2/3 or 5")]
    [InlineData("99001001000000,Urkunde,10557,5,ja", "sdg_relevant must be 0 or 1")]
    [InlineData("99001001000000,Urkunde,10999,5,1", "unknown ozg_id 10999")]
    public void Parse_BadLeikaRow_IsRefused(string row, string expected)
    {
        var (set, errors) = CatalogImport.Parse(Files(leika: "leika_key,name,ozg_id,leika_typ,sdg_relevant\n" + row + "\n"));

        Assert.Null(set);
        Assert.Equal($"leika-leistungen.csv:2: {expected}", Assert.Single(errors));
    }

    [Fact]
    public void Parse_IdenticalRepeatedRow_IsReadOnceAndCounted()
    {
        var (set, errors) = CatalogImport.Parse(Files(themenfelder: "themenfeld_id,themenfeld\n10,Querschnitt\n10,Querschnitt\n"));

        Assert.Empty(errors);
        Assert.Single(set!.Themenfelder);
        Assert.Equal(1, set.DuplicatesSkipped);
    }

    [Fact]
    public void Parse_SameKeyWithOtherValues_IsAnError()
    {
        var (set, errors) = CatalogImport.Parse(Files(themenfelder: "themenfeld_id,themenfeld\n10,Querschnitt\n10,Anders\n"));

        Assert.Null(set);
        Assert.Equal("ozg-themenfelder.csv:3: key 10 already used on line 2 with other values", Assert.Single(errors));
    }

    [Fact]
    public void Parse_UnkeyedLeikaRepeatedWithOtherFlag_KeepsTheFirstAndWarns()
    {
        var (set, errors) = CatalogImport.Parse(Files(leika: "leika_key,name,ozg_id,leika_typ,sdg_relevant\n,Prüfung,10557,1,1\n,Prüfung,10557,1,0\n"));

        Assert.Empty(errors);
        Assert.True(Assert.Single(set!.Leika).SdgRelevant);
        Assert.StartsWith("leika-leistungen.csv:3: key 10557|Prüfung already used on line 2", Assert.Single(set.Warnings), StringComparison.Ordinal);
    }
}

public sealed class CsvReaderTests
{
    [Fact]
    public void Read_QuotesCommasDoubledQuotesAndLineBreaks()
    {
        var records = CsvReader.Read("\uFEFFa,b\r\n\"x, y\",\"sagt \"\"hallo\"\"\"\n\"zwei\nZeilen\",z\n").ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["x, y", "sagt \"hallo\""], records[1].Fields);
        Assert.Equal(["zwei\nZeilen", "z"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public void Read_LastLineWithoutNewlineAndEmptyFields()
    {
        var records = CsvReader.Read("a,b,c\n,,\n1,2,3").ToList();

        Assert.Equal(["", "", ""], records[1].Fields);
        Assert.Equal(["1", "2", "3"], records[2].Fields);
    }

    [Fact]
    public void Read_UnclosedQuote_Throws()
    {
        var e = Assert.Throws<FormatException>(() => CsvReader.Read("a\n\"offen\n").ToList());
        Assert.Contains("Line 2", e.Message, StringComparison.Ordinal);
    }
}
