using System.Collections.Frozen;

namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// Function words per language: stop words for keywords and entity filtering, and the evidence of the fast language
/// identification path (function words make up a third or more of running prose, and each language's set is
/// distinctive enough that a clear winner over a few hundred words is reliable).
/// </summary>
internal static class StopWords
{
    public static readonly FrozenDictionary<string, FrozenSet<string>> ByLanguage = Build();

    /// <summary>The union of every language's set, for text whose language is unknown.</summary>
    public static readonly FrozenSet<string> Any = ByLanguage.Values.SelectMany(s => s).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The stop words of <paramref name="language"/> (ISO 639-1), or of every language when it is unknown.</summary>
    public static FrozenSet<string> For(string? language) =>
        language is not null && ByLanguage.TryGetValue(language, out var set) ? set : Any;

    /// <summary>The stop words of <paramref name="language"/> and English (keywords leave out both), or of every language when it is unknown.</summary>
    public static FrozenSet<string> WithEnglishFor(string? language) =>
        language is not null && WithEnglish.TryGetValue(language, out var set) ? set : Any;

    private static readonly FrozenDictionary<string, FrozenSet<string>> WithEnglish =
        ByLanguage.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.Union(ByLanguage["en"]).ToFrozenSet(StringComparer.Ordinal));

    private static FrozenDictionary<string, FrozenSet<string>> Build()
    {
        var lists = new Dictionary<string, string>
        {
            ["en"] = "a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just may me might more most must my myself no nor not now of off on once only or other our ours ourselves out over own said same says she should so some such than that the their theirs them themselves then there these they this those through to too under until up upon very was we were what when where which while who whom why will with would you your yours yourself yourselves also however since although though yet still even many much new one two three first last year years told according would could there's it's don't can't won't i'm we're they're he's she's",
            ["fr"] = "au aux avec ce ces cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son sont sur ta te tes toi ton tu un une vos votre vous c d j l à m n s t y été être avoir avait ont est sont était fait comme aussi plus tout tous toute toutes très sans entre depuis après avant selon lors dont cela ceci ainsi alors donc car si bien encore déjà",
            ["de"] = "aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei bin bis bist da damit dann das dass dein dem den der des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines er es etwas euch euer für gegen hat hatte hätte haben ich ihm ihn ihr ihre ihrem ihren ihrer im in ins ist jede jedem jeden jeder jedes jetzt kann kein keine können man mein mich mir mit muss nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner sich sie sind so solche soll sollte sondern über um und uns unser unter vom von vor war waren was weil welche wenn wer werden wie wieder will wir wird wurde wurden zu zum zur zwischen sei seien bereits laut sowie worden",
            ["es"] = "a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era eran es esa esas ese eso esos esta estaba estado estas este esto estos fue fueron ha había han hasta hay la las le les lo los más me mi mientras muy nada ni no nos o os otra otro para pero poco por porque que quien se sea según ser si sido sin sobre son su sus también tanto te tiene tienen todo todos tu un una uno unos y ya él ese está están dijo además",
            ["pt"] = "a ao aos as até com como da das de dela dele deles depois do dos e ela elas ele eles em entre era essa esse esta este eu foi foram há isso isto já lhe mais mas me mesmo muito na nas não nem no nos o os ou para pela pelas pelo pelos por qual quando que quem se sem ser seu seus sua suas também te tem tinha um uma umas uns à às é está estão são sobre segundo ainda disse",
            ["it"] = "a ad al alla alle agli ai anche che chi ci come con contro da dal dalla dalle dei del della delle dello di dopo e ed era erano gli ha hanno i il in io la le lei lo loro lui ma mi ne negli nei nel nella nelle no noi non nostro o per perché più quale quando quella quelle quello questa queste questo se sei si sia siamo sono su sua sue suo suoi tra tu un una uno è stato stata essere anche già secondo",
            ["nl"] = "aan al als bij dan dat de der deze die dit doch doen door dus een en er ge geen had heb hebben heeft hem het hier hij hoe hun ik in is ja je kan kon maar me meer men met mij mijn na naar niet niets nog nu of om omdat ook op over reeds te tegen toch toen tot u uit uw van veel voor want was wat we wel werd wie wij wordt worden zal ze zei zich zij zijn zo zonder",
            ["ru"] = "а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его ее если есть еще же за здесь и из или им их к как ко когда который которые кто ли мне может мы на над нас не него нее нет ни них но о об однако он она они оно от по под при с со так также такой там те тем то того тоже той только том ты у уже хотя чем что чтобы эта эти это этот я заявил сообщил года",
            ["uk"] = "а але без би був була були було бути в вже ви від він вона вони воно все всі де для до його її з за зі і із їх й коли хто лише мене ми на над не ні них по при про та так також там те теж тим то того тому у усі це цей ці цього що щоб як який яка які є саме року",
            ["pl"] = "a aby ale bez bardzo był była były być co czy dla do go gdy i ich ile im jak jako jego jej jest jeszcze jednak już ku lub ma mnie może na nad nam nas nie nich nim o od oraz po pod przez przy się są ta tak także tam te tego tej ten to tu tylko w we więc z za ze że jako który która które",
            ["sv"] = "och att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan man när år säger hon under också efter eller nu sin där vid mot ska skulle kommer ut får finns vara hade alla andra mycket än här då sedan över bara in blir upp även vad",
            ["da"] = "og i at det er en til på som de med af for ikke der var han den har jeg sig men et om vi fra hun kan skal efter også så når eller blev være havde ud over hvor være mod dem nu hvis selv kun blevet mellem",
            ["nb"] = "og i det er en til på som at de med av for ikke der var han den har jeg seg men et om vi fra hun kan skal etter også så når eller ble være hadde ut over hvor mot dem nå hvis bare blitt mellom ikkje",
            ["fi"] = "ja on ei se että hän oli ovat mutta kun niin myös tai jos vain kuin sen ole olla joka mitä tämä nämä ne he me te minä sinä hänen heidän sekä jo nyt vielä siitä sitä koska kanssa mukaan noin ollut",
            ["tr"] = "ve bir bu da de için ile olarak olan gibi daha çok en ama ancak kadar sonra önce her şey ne mi mı mu mü o ben sen biz siz onlar ise ya veya değil var yok bunu şu bunun göre",
            ["id"] = "yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga oleh sebagai atau karena ada mereka kami kita saya ia telah sudah bisa lebih tersebut namun para",
        };

        return lists.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal));
    }
}
