using System.Text.Json;
using Archive.Core.Extraction;
using Archive.Core.Extraction.Enrichment;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Core.Tests.Extraction;

[Collection(ExtractionCollection.Name)]
public sealed class EnrichmentTests
{
    private const string Paragraph1 = "The harbour authority of Rotterdam said on Monday that container traffic rose by 12 percent in the first quarter.";
    private const string Paragraph2 = "\"We have never moved so many boxes,\" said Anna de Vries, the authority's spokeswoman. Shipping lines from China and Brazil added new routes.";

    [Fact]
    public async Task Extract_SameArticleInFourFormats_GivesTheSameContentHash()
    {
        var text = $"Record quarter for the port\nBy Pieter Jansen\n\n{Paragraph1}\n\n{Paragraph2}";
        var markdown = $"---\ntitle: Record quarter for the port\nauthor: Pieter Jansen\n---\n\n{Paragraph1}\n\n{Paragraph2.Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal)}";
        var json = JsonSerializer.Serialize(new { headline = "Record quarter for the port", author = "Pieter Jansen", articleBody = Paragraph1 + "\n\n" + Paragraph2 });

        // Word processors "smarten" quotes and apostrophes; the hash folds them back.
        var smart = Paragraph2.Replace("\"We", "\u201CWe", StringComparison.Ordinal).Replace("boxes,\"", "boxes,\u201D", StringComparison.Ordinal).Replace("authority's", "authority\u2019s", StringComparison.Ordinal);
        var docx = Documents.Docx(["# Record quarter for the port", "By Pieter Jansen", Paragraph1, smart]);

        var fromText = await Extract.ArticleAsync(text, "port.txt");
        var fromMarkdown = await Extract.ArticleAsync(markdown, "port.md");
        var fromJson = await Extract.ArticleAsync(json, "port.json");
        var fromDocx = await Extract.ArticleAsync(docx, "port.docx");

        Assert.Equal([ArticleFormats.Text, ArticleFormats.Markdown, ArticleFormats.Json, ArticleFormats.Docx], new[] { fromText.Format, fromMarkdown.Format, fromJson.Format, fromDocx.Format });
        Assert.Equal(fromText.Body, fromMarkdown.Body);
        Assert.Equal(fromText.Body, fromJson.Body);
        Assert.Equal(fromText.ContentHash, fromMarkdown.ContentHash);
        Assert.Equal(fromText.ContentHash, fromJson.ContentHash);
        Assert.Equal(fromText.ContentHash, fromDocx.ContentHash);
        Assert.All(new[] { fromText, fromMarkdown, fromJson, fromDocx }, a => Assert.Equal("Record quarter for the port", a.Title));
        Assert.All(new[] { fromText, fromMarkdown, fromJson, fromDocx }, a => Assert.Equal(["Pieter Jansen"], a.Authors));
    }

    [Fact]
    public void ContentHash_WhitespaceCaseAndTypography_DoNotChangeIt()
    {
        var plain = ContentHash.Compute("It's a \"test\" - with dashes...\n\nSecond paragraph.");
        var fancy = ContentHash.Compute("  It\u2019s a \u201Ctest\u201D \u2013 with dashes\u2026 \r\n\r\n\r\nSECOND   paragraph.");
        var composed = ContentHash.Compute("caf\u00e9");
        var decomposed = ContentHash.Compute("cafe\u0301");

        Assert.Equal(plain, fancy);
        Assert.Equal(composed, decomposed);
        Assert.Matches("^[0-9a-f]{64}$", plain);
        Assert.NotEqual(plain, ContentHash.Compute("It's a \"test\" - with dashes...\n\nSecond paragraph!"));
    }

    [Fact]
    public async Task Extract_NewsText_FindsPeoplePlacesOrganizations()
    {
        const string text = """
            Ministers meet in Brussels

            Foreign Minister Annalena Baerbock met her French counterpart in Brussels on Tuesday, the German Foreign Office said.

            The talks at the European Commission focused on aid to Ukraine. Baerbock told reporters that the International Monetary Fund would join a conference in Warsaw.

            Shares of Northwind Holdings Ltd rose after the company won a contract near the Dnipro river, spokesman Karl Weber said.
            """;

        var article = await Extract.ArticleAsync(text, "ministers.txt");

        Assert.Contains("Annalena Baerbock", article.People);
        Assert.Contains("Karl Weber", article.People);
        Assert.DoesNotContain("Baerbock", article.People);
        Assert.Contains("Brussels", article.Places);
        Assert.Contains("Ukraine", article.Places);
        Assert.Contains("Warsaw", article.Places);
        Assert.Contains("Dnipro", article.Places);
        Assert.Contains("European Commission", article.Organizations);
        Assert.Contains("International Monetary Fund", article.Organizations);
        Assert.Contains("Northwind Holdings Ltd", article.Organizations);
        Assert.Contains("German Foreign Office", article.Organizations);
        Assert.DoesNotContain(article.People, p => p.Contains("Minister", StringComparison.Ordinal));
        Assert.DoesNotContain(article.Places, p => p is "French" or "German");
    }

    [Theory]
    [InlineData("en", "The government announced on Monday that the new rail line will open next year, after a long delay caused by funding problems and court cases.")]
    [InlineData("fr", "Le gouvernement a annoncé lundi que la nouvelle ligne ferroviaire ouvrira l'année prochaine, après un long retard causé par des problèmes de financement.")]
    [InlineData("de", "Die Regierung hat am Montag angekündigt, dass die neue Bahnstrecke im nächsten Jahr eröffnet wird, nach einer langen Verzögerung wegen fehlender Mittel.")]
    [InlineData("es", "El gobierno anunció el lunes que la nueva línea ferroviaria abrirá el próximo año, después de un largo retraso causado por problemas de financiación.")]
    [InlineData("pt", "O governo anunciou na segunda-feira que a nova linha ferroviária vai abrir no próximo ano, depois de um longo atraso causado por problemas de financiamento.")]
    [InlineData("it", "Il governo ha annunciato lunedì che la nuova linea ferroviaria aprirà il prossimo anno, dopo un lungo ritardo causato da problemi di finanziamento.")]
    [InlineData("ru", "Правительство объявило в понедельник, что новая железная дорога откроется в следующем году после долгой задержки из-за проблем с финансированием.")]
    [InlineData("fi", "Hallitus ilmoitti maanantaina, että uusi rautatie avataan ensi vuonna pitkän viivästyksen jälkeen, joka johtui rahoitusongelmista ja oikeudenkäynneistä.")]
    [InlineData("ja", "政府は月曜日、新しい鉄道路線が資金問題による長い遅れの後、来年開業すると発表した。")]
    [InlineData("el", "Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι η νέα σιδηροδρομική γραμμή θα ανοίξει τον επόμενο χρόνο μετά από μεγάλη καθυστέρηση.")]
    public async Task Extract_TextInALanguage_DetectsIt(string language, string text)
    {
        var article = await Extract.ArticleAsync(text, "lang.txt");

        Assert.Equal(language, article.Language);
    }

    [Fact]
    public async Task Extract_Article_ComputesSummaryWordCountAndKeywords()
    {
        const string text = """
            Keywords: transport

            Ferries ferries everywhere: the island council voted to double ferry crossings this summer, the council said.

            Ferry operators welcomed the decision. The council will pay for extra crews, and the ferry timetable changes in June.
            """;

        var article = await Extract.ArticleAsync(text, "ferries.txt");

        Assert.Equal("Ferries ferries everywhere: the island council voted to double ferry crossings this summer, the council said.", article.Summary);
        Assert.Equal(35, article.WordCount);
        Assert.Equal("transport", article.Keywords[0]);
        Assert.Contains("ferry", article.Keywords);
        Assert.Contains("council", article.Keywords);
        Assert.DoesNotContain("the", article.Keywords);
    }

    [Fact]
    public async Task Extract_LongFirstSentence_DerivedTitleIsCutAtAClause()
    {
        const string text = "Officials in the northern province confirmed late on Sunday evening that the reservoir had reached its highest level in forty years, prompting evacuations.";

        var article = await Extract.ArticleAsync(text, "reservoir.txt");

        Assert.Equal("derived", article.TitleSource);
        Assert.True(article.Title.Length <= 111, article.Title);
        Assert.StartsWith("Officials in the northern province", article.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void AddArticleExtraction_Registered_ResolvesOneThreadSafeSingleton()
    {
        var services = new ServiceCollection().AddArticleExtraction(o => o.MaxBytes = 1234);
        var provider = new SingletonProvider(services);

        var first = provider.GetRequiredService<IArticleExtractor>();
        var second = provider.GetRequiredService<IArticleExtractor>();

        Assert.All(services, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
        Assert.Same(first, second);
        Assert.IsType<ArticleExtractor>(first);
        Assert.Equal(1234, ((ArticleExtractor)first).Options.MaxBytes);
    }

    [Fact]
    public async Task Extract_SerializedArticle_IsCamelCaseWithIsoDate()
    {
        var article = await Extract.ArticleAsync("Title: T\nDate: 2023-01-11 17:39 (UTC+04:00)\n\nA body long enough to be an article of some sort.", "t.txt");

        var json = JsonSerializer.Serialize(article, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Contains("\"publishedAt\":\"2023-01-11T17:39:00+04:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"contentHash\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("titleSource", json, StringComparison.Ordinal);
        Assert.DoesNotContain("publishedAtPrecision", json, StringComparison.Ordinal);
    }

    [Fact]
    public void LanguageIdentifier_ModelFiles_AreCopiedNextToTheApplication()
    {
        // Lingua reads its models from <app>/Lingua/LanguageModels; without them only the fast path would run.
        Assert.True(new LanguageIdentifier().LinguaAvailable);
    }

    [Fact]
    public void LanguageIdentifier_ShortAmbiguousText_UsesLinguaWithoutLoadingEveryModelSize()
    {
        var identifier = new LanguageIdentifier();

        var decision = identifier.Decide("Bonjour tout le monde, merci beaucoup", 2000);

        Assert.Equal("fr", decision.Code);
        Assert.Equal("lingua", decision.Stage);
    }

    [Fact]
    public void LanguageIdentifier_IndonesianWithItsOwnSpellings_DecidesByWords()
    {
        // Indonesian and Malay share most function words; karena, bahwa and uang are Indonesian spellings.
        const string text = """
            Pemerintah kota mengumumkan pada hari Senin bahwa jalur kereta yang baru akan dibuka tahun depan. Proyek itu
            tertunda karena masalah dana dan perkara di pengadilan, dan para pedagang di pasar mengatakan bahwa mereka
            sudah lama menunggu. Menurut dinas perhubungan, uang untuk pembangunan jembatan dan stasiun sudah tersedia
            sejak bulan lalu. Warga juga bisa memberi pendapat tentang jadwal kereta melalui kantor kecamatan, karena
            pemerintah ingin jalur ini melayani pekerja yang datang dari desa di sekitar kota setiap pagi.
            """;

        var decision = new LanguageIdentifier().Decide(text, 2000);

        Assert.Equal(("id", "words"), (decision.Code, decision.Stage));
    }

    [Fact]
    public void LanguageIdentifier_ClearOpening_IsDecidedByItsFirstWords()
    {
        // About seventy words of plain English prose, then a long quotation in French: the opening decides, as it would
        // for Lingua, which reads only the first 400 characters.
        const string english = """
            The city council voted on Tuesday to close the old bridge over the river for repairs that are expected to
            take most of the year. Drivers will have to use the ring road, and the bus company said that it would add
            more buses in the morning and in the evening, when the traffic is at its worst. The work will cost more than
            the council had planned, but the mayor said it could not wait any longer.
            """;
        const string french = """
            « Nous avons attendu trop longtemps et il fallait agir maintenant, car le pont est dans un état qui ne permet
            plus de le laisser ouvert aux camions. Les habitants des quartiers du nord seront les plus touchés, mais nous
            avons prévu des navettes pour les écoles et pour les personnes âgées qui doivent se rendre à l'hôpital. Les
            travaux commenceront le mois prochain et ils dureront jusqu'à la fin de l'automne, si le temps le permet. »
            """;

        var decision = new LanguageIdentifier().Decide(english + french + french, 2000);

        Assert.Equal(("en", "words"), (decision.Code, decision.Stage));
    }

    [Fact]
    public void LanguageIdentifier_PortugueseListWithLettersSpanishNeverUses_DecidesByWords()
    {
        // A schedule is mostly "de" and names, which Spanish shares: the words lead only narrowly. The letters ã and õ,
        // which neither Spanish nor Catalan writes, decide it without Lingua.
        const string text = """
            Programação da temporada de 2019

            1a rodada: 10 de março – São Paulo
            2a rodada: 7 de abril – Curitiba
            3a rodada: 5 de maio – Goiânia
            4a rodada: 2 de junho – Londrina
            5a rodada: 7 de julho – Cascavel
            6a rodada: 4 de agosto – Campo Grande, com a final da divisão de acesso
            7a rodada: 1 de setembro – Velopark
            8a rodada: 6 de outubro – Santa Cruz do Sul
            9a rodada: 3 de novembro – a definir
            10a rodada: 8 de dezembro – São Paulo, prova de encerramento das competições
            """;

        var decision = new LanguageIdentifier().Decide(text, 2000);

        Assert.Equal(("pt", "words"), (decision.Code, decision.Stage));
    }

    [Fact]
    public void LanguageIdentifier_SpanishListWithoutItsOwnLetters_LeavesTheChoiceToLingua()
    {
        // The same shape in Spanish has no ñ, ¿ or ¡ to confirm it: among close relatives Lingua decides.
        const string text = """
            Calendario de la temporada de 2019

            1a fecha: 10 de marzo – Buenos Aires
            2a fecha: 7 de abril – Rosario
            3a fecha: 5 de mayo – Mendoza
            4a fecha: 2 de junio – Salta
            5a fecha: 7 de julio – Neuquén
            6a fecha: 4 de agosto – Posadas, con la final de la división de ascenso
            7a fecha: 1 de septiembre – Paraná
            8a fecha: 6 de octubre – San Luis
            9a fecha: 3 de noviembre – a definir
            10a fecha: 8 de diciembre – Buenos Aires, prueba de cierre de las competencias
            """;

        var decision = new LanguageIdentifier().Decide(text, 2000);

        Assert.Equal(("es", "lingua"), (decision.Code, decision.Stage));
    }

    [Fact]
    public void LanguageIdentifier_MalaySpellingsBesideIndonesianOnes_LeavesTheChoiceToLingua()
    {
        // Kerana, bahawa and wang are Malay spellings: the function words alone must not call this Indonesian.
        const string text = """
            Kerajaan negeri mengumumkan pada hari Isnin bahawa laluan kereta api yang baharu akan dibuka tahun hadapan.
            Projek itu tertangguh kerana masalah wang dan kes di mahkamah, dan para peniaga di pasar berkata bahawa mereka
            sudah lama menunggu. Menurut jabatan pengangkutan, wang untuk pembinaan jambatan dan stesen sudah tersedia
            sejak bulan lalu. Penduduk juga boleh memberi pendapat tentang jadual kereta api di pejabat daerah, kerana
            kerajaan mahu laluan ini melayani pekerja yang datang dari kampung di sekitar bandar setiap pagi.
            """;

        var decision = new LanguageIdentifier().Decide(text, 2000);

        Assert.Equal("lingua", decision.Stage);
        Assert.Equal("ms", decision.Code);
    }

    /// <summary>Just enough of a container to resolve singletons registered by instance or factory.</summary>
    private sealed class SingletonProvider(IServiceCollection services) : IServiceProvider
    {
        private readonly Dictionary<Type, object> instances = [];

        public object? GetService(Type serviceType)
        {
            if (instances.TryGetValue(serviceType, out var existing))
            {
                return existing;
            }

            var descriptor = services.LastOrDefault(d => d.ServiceType == serviceType);
            var instance = descriptor?.ImplementationInstance ?? descriptor?.ImplementationFactory?.Invoke(this);
            if (instance is not null)
            {
                instances[serviceType] = instance;
            }

            return instance;
        }
    }
}
