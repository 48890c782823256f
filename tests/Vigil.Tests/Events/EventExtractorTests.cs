using Vigil.Events;
using Vigil.Language;

namespace Vigil.Tests.Events;

public class EventExtractorTests
{
    private static readonly DateOnly Published = new(2021, 3, 11);

    [Theory]
    [InlineData("On Monday a man was killed by gunmen in the town of Dalwa.", 1)]
    [InlineData("Militants attacked a checkpoint near Dalwa, killing 3 soldiers and 2 civilians.", 5)]
    [InlineData("At least 14 people were killed when rockets hit the market in Dalwa.", 14)]
    [InlineData("Dozens of villagers were killed in an attack on Dalwa by armed men.", 36)]
    [InlineData("Police officers beat a street vendor to death in Dalwa.", 1)]
    [InlineData("A lone attacker killed three people with a knife at a festival in Dalwa.", 3)]
    [InlineData("Two people were reported killed in the attacks on Dalwa.", 2)]
    [InlineData("A teenager stabbed three classmates at a school in Dalwa on Monday, killing one.", 1)]
    [InlineData("Gunmen killed a farmer and his two sons in Dalwa on Monday.", 3)]
    [InlineData("A drone strike on a car in Dalwa killed two men, one of them a commander.", 2)]
    [InlineData("Rebels ambushed an army patrol in Dalwa, killing six soldiers, two of whom were officers.", 6)]
    [InlineData("A suicide bomber killed himself and 9 others at a checkpoint in Dalwa.", 10)]
    [InlineData("The strike killed a family of five in Dalwa.", 5)]
    [InlineData("Armed men killed a pastor, his wife and their three children in Dalwa.", 5)]
    [InlineData("Clashes between two clans left 9 people dead in Dalwa.", 9)]
    [InlineData("A man stabbed his neighbour to death in Dalwa on Monday.", 1)]
    [InlineData("A soldier shot dead two colleagues at a barracks in Dalwa before he was arrested.", 2)]
    [InlineData("Seven members of one family, including five children, were killed by a mortar round in Dalwa.", 7)]
    [InlineData("A police officer was shot and killed during a raid in Dalwa on Monday.", 1)]
    [InlineData("Rebels killed at least 11 soldiers near Dalwa, the army said, while the rebels claimed to have killed 30.", 11)]
    [InlineData("At least 16 people were killed by gunmen in Dalwa. Rights activists allege that more than 30 people were killed.", 16)]
    [InlineData("A gunman killed his ex-wife and two of her relatives in Dalwa before turning the gun on himself.", 3)]
    [InlineData("A woman and her two children were killed when a shell hit their home in Dalwa.", 3)]
    [InlineData("A woman and her daughter were killed when gunmen opened fire on their house in Dalwa.", 2)]
    [InlineData("A farmer and his son were shot dead by bandits near Dalwa on Monday.", 2)]
    [InlineData("Nine soldiers and an unknown number of militants died in a gun battle near Dalwa, the army said.", 9)]
    [InlineData("Gunmen kill 12 in attack on Dalwa village\n\nSuspected jihadists killed at least 12 civilians in an attack on Dalwa on Sunday, officials said.", 12)]
    [InlineData("Five people were killed when rebels shelled Dalwa on Sunday. Three soldiers and two civilians died in the shelling.", 5)]
    [InlineData("A human rights lawyer was found shot dead in her car in Dalwa on Thursday.", 1)]
    [InlineData("A 47-year-old man was killed when his tractor hit a mine near Dalwa.", 1)]
    [InlineData("Gunmen attacked a market in Dalwa on Monday, killing nine people. The death toll from the attack on the market rose to 15 on Tuesday.", 15)]
    [InlineData("A pastor is killed along with two of his sons in an attack on Dalwa.", 3)]
    [InlineData("A soldier was killed along with four others in an ambush near Dalwa.", 5)]
    [InlineData("Gunmen killed a teacher together with his two children in Dalwa.", 3)]
    [InlineData("The death toll from the attack by gunmen on Dalwa increases to over 150.", 150)]
    [InlineData("A rights group says the death toll from the massacre in Dalwa was at least 70 people.", 70)]
    public void CountsTheKilled(string text, int best)
    {
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        Assert.Equal(best, found.Killed?.Best);
        Assert.Contains(found.Evidence, e => e.Field == "killed");
    }

    [Fact]
    public void AnUndatedIncidentIsOfTheReportsWeekAndSaysSo()
    {
        var undated = Assert.Single(EventTestKit.Extract("Gunmen killed five villagers in an attack on Dalwa.", Published));
        Assert.Equal(new EventDate(Published, DatePrecision.Reported), undated.Date);
        Assert.Equal(Published.AddDays(-6), undated.Date!.FirstDay);
        Assert.Equal(Published, undated.Date.LastDay);
        Assert.DoesNotContain(undated.Evidence, e => e.Field == "date");

        var dated = Assert.Single(EventTestKit.Extract("Gunmen killed five villagers in an attack on Dalwa on Monday.", Published));
        Assert.Equal(new EventDate(new DateOnly(2021, 3, 8), DatePrecision.Day), dated.Date);
        Assert.Null(Assert.Single(EventTestKit.Extract("Gunmen killed five villagers in an attack on Dalwa.")).Date);
    }

    [Theory]
    [InlineData("A man shot at his neighbours in Dalwa on Monday, wounding his wife and injuring her daughter.", 2)]
    public void CountsTheHurt(string text, int best)
    {
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        Assert.Equal(best, found.Injured?.Best);
    }

    [Theory]
    [InlineData("Students marched in Dalwa on Monday to protest against the killing of a classmate by police.")]
    [InlineData("Hundreds rallied in Dalwa on Monday demanding justice for two teenagers shot dead by soldiers last week.")]
    [InlineData("Lawyers boycotted the courts and held a rally in Dalwa on Monday to protest the killing of a colleague.")]
    [InlineData("Youths rioted in Dalwa on Tuesday, burning tyres and stoning police, after a trader was killed at a checkpoint.")]
    [InlineData("Protesters set fire to a police station in Dalwa on Monday after police shot dead two young men.")]
    [InlineData("Members of the Bar Association held a protest in Dalwa (Dalwa, North) on Monday against the killing of a lawyer.")]
    [InlineData("Women took to the streets of Dalwa on Monday chanting slogans following the death of Amina Yusuf in custody.")]
    public void TheHarmAProtestIsAboutIsNotItsToll(string text)
    {
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        Assert.Null(found.Killed);
    }

    [Fact]
    public void ASidesClaimedTollYieldsToTheReportsOwnAndItsSpeakerIsNoVictim()
    {
        var text = "A car bomb killed twelve people at an army base in Dalwa on Monday, a spokesman for the governor said. "
            + "The rebels' spokesman Omar Farouk claimed 190 were dead.";
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        Assert.Equal(12, found.Killed?.Best);
        Assert.DoesNotContain(found.Victims, v => v.Name == "Omar Farouk");
    }

    [Fact]
    public void ANameEndingInABuildingIsNoVictimAndWhoAllegesIsNoParty()
    {
        var text = "Police alleged the gunman attacked worshippers at the Al Noor Mosque in Dalwa on Friday, killing 42 people.";
        var found = Assert.Single(new EventExtractor().Extract(EventTestKit.Document(text, ("Noor Mosque", "PER")), Published));
        Assert.Empty(found.Victims);
        Assert.DoesNotContain(found.Perpetrators, p => p.Name == "Police");
    }

    [Fact]
    public void HarmLaidAtSomeonesDoorIsNotTheIncidentsToll()
    {
        var text = "A drone strike killed a general near Dalwa airport on Friday. The ministry said the general was responsible for "
            + "the deaths of hundreds of soldiers and the wounding of thousands more.";
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        Assert.Equal(1, found.Killed?.Best);
        Assert.Null(found.Injured);
    }

    [Fact]
    public void NoCasualtiesIsZeroAndSilenceIsNull()
    {
        var none = Assert.Single(EventTestKit.Extract("Rebels shelled army positions near Dalwa on Sunday. No one was hurt.", Published));
        Assert.Equal(0, none.Killed?.Best);
        Assert.Equal(0, none.Injured?.Best);

        var silent = Assert.Single(EventTestKit.Extract("Rebels shelled army positions near Dalwa on Sunday.", Published));
        Assert.Null(silent.Killed);
        Assert.Null(silent.Injured);
    }

    [Fact]
    public void AnUnknownNumberIsNoCount()
    {
        var found = Assert.Single(EventTestKit.Extract("An unknown number of militants died when rebels shelled army positions near Dalwa on Sunday.", Published));
        Assert.Null(found.Killed);
    }

    [Fact]
    public void AnimalsAreNotCasualties()
    {
        var text = "Gunmen of the Islamic State shot at a herder in Dalwa on Monday; a jackal died and two camels were killed in the attack.";
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        Assert.Null(found.Killed);
    }

    // The month is not a march, and a man who sets himself on fire attacks no one: both sentences gave events when the
    // protest and attack cues read them.
    [Theory]
    [InlineData("The senator dropped out of the race in early March after failing to win a single state. She endorsed the front-runner on Monday.")]
    [InlineData("A man set himself on fire outside the parliament in Dalwa on Monday and was taken to hospital in critical condition.")]
    public void CueWordsInOtherSensesAreNoEvent(string text)
    {
        Assert.Empty(EventTestKit.Extract(text, Published));
    }

    [Theory]
    [InlineData("Police detained hundreds of opposition supporters in Dalwa ahead of a planned rally.")]
    [InlineData("Police detained hundreds of opposition supporters in Dalwa before Friday's scheduled march.")]
    public void AProtestStillToComeIsNotTheIncidentTheArrestsAre(string text)
    {
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        Assert.Equal("Arrests", found.SubEventType);
    }

    [Theory]
    [InlineData("Police in Dalwa arrested three men on Monday in connection with last month's bombing of a market.", true)]
    [InlineData("Two brothers were detained over the killing of a journalist in Dalwa.", true)]
    [InlineData("A man was charged with the murder of a shopkeeper.", true)]
    [InlineData("A man has been arrested after the mayor of Dalwa was stabbed on stage last night.", false)]
    [InlineData("Five people were injured in knife attacks in Dalwa. A man was arrested at the scene.", false)]
    public void AnArrestOverAKnownCrimeIsTheArrest(string sentence, bool tied)
    {
        Assert.Equal(tied, EventExtractor.ArrestedOverAnEarlierCrime().IsMatch(sentence));
    }


    [Theory]
    [InlineData("Soldiers opened gunfire to disperse an opposition‑led protest in Dalwa.", true)]
    [InlineData("Police dispersed the marchers with tear gas.", true)]
    [InlineData("The crowd dispersed after the speeches.", false)]
    [InlineData("Troops dispersed into the hills after the ambush.", false)]
    public void ForceToDisperseAProtestIsItsPolicing(string sentence, bool protest)
    {
        Assert.Equal(protest, EventExtractor.DispersedAProtest().IsMatch(sentence));
    }

    [Fact]
    public void AnAudienceIsNotACasualtyCount()
    {
        var text = "Gunmen of the Islamic State shot dead a shopkeeper in Dalwa. Hundreds of people attended the funeral of the shopkeeper.";
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        Assert.Equal(1, found.Killed?.Best);
    }

    [Theory]
    [InlineData("Soldiers exchanged fire with Taliban fighters in Dalwa district.", "Battles", "Armed clash")]
    [InlineData("A drone strike hit a house in Dalwa, wounding two children.", "Explosions/Remote violence", "Air/drone strike")]
    [InlineData("A roadside bomb exploded under a bus near Dalwa, killing four passengers.", "Explosions/Remote violence", "Remote explosive/landmine/IED")]
    [InlineData("Hundreds of teachers protested outside the education ministry in Dalwa demanding unpaid salaries.", "Protests", "Peaceful protest")]
    [InlineData("Police fired tear gas to disperse students who demonstrated in Dalwa.", "Protests", "Protest with intervention")]
    [InlineData("Rioters set fire to tyres and pelted stones at police during a demonstration in Dalwa.", "Riots", "Violent demonstration")]
    [InlineData("A mob lynched a suspected thief in Dalwa market.", "Riots", "Mob violence")]
    [InlineData("Unidentified gunmen kidnapped a priest in Dalwa.", "Violence against civilians", "Abduction/forced disappearance")]
    [InlineData("Police arrested four members of an opposition party in Dalwa.", "Strategic developments", "Arrests")]
    [InlineData("Army engineers defused an IED planted on the road to Dalwa.", "Strategic developments", "Disrupted weapons use")]
    [InlineData("Monitors counted 40 mortar rounds fired in both directions along the front line near Dalwa.", "Battles", "Armed clash")]
    [InlineData("Rebels shelled army positions near Dalwa with mortars.", "Explosions/Remote violence", "Shelling/artillery/missile attack")]
    [InlineData("Villagers pelted stones at police in Dalwa, injuring two officers.", "Riots", "Mob violence")]
    [InlineData("A clash between two groups of villagers over farmland in Dalwa left five people injured.", "Riots", "Mob violence")]
    [InlineData("Gunmen shot dead an off-duty soldier outside his house in Dalwa.", "Violence against civilians", "Attack")]
    [InlineData("Fighters executed a former police officer in Dalwa on Monday.", "Violence against civilians", "Attack")]
    [InlineData("Militants killed two soldiers at a checkpoint in Dalwa.", "Battles", "Armed clash")]
    [InlineData("Northern and southern forces reportedly clashed in Dalwa on Monday.", "Battles", "Armed clash")]
    [InlineData("Residents took to the streets of Dalwa to denounce power cuts.", "Protests", "Peaceful protest")]
    [InlineData("Unknown men carried out an arson attack on a warehouse in Dalwa, causing damage.", "Strategic developments", "Looting/property destruction")]
    [InlineData("Teachers protested in Dalwa against the detention of colleagues during recent riots.", "Protests", "Peaceful protest")]
    [InlineData("Nurses protested in Dalwa against the measures taken to battle the coronavirus.", "Protests", "Peaceful protest")]
    [InlineData("A group of 20 youths attacked a police patrol in Dalwa, injuring an officer.", "Riots", "Mob violence")]
    [InlineData("A military column entered Dalwa on Monday.", "Strategic developments", "Change to group/activity")]
    [InlineData("Unknown men attacked and burned a school in Dalwa.", "Strategic developments", "Looting/property destruction")]
    [InlineData("Military aircraft flew over the hills around Dalwa for several hours on Monday, dropping bombs.", "Explosions/Remote violence", "Air/drone strike")]
    [InlineData("Two men threw Molotov cocktails at a shop in Dalwa. Neither fatalities nor injuries were reported.", "Strategic developments", "Looting/property destruction")]
    [InlineData("Rebels fired medium weapons at residential neighbourhoods of Dalwa.", "Explosions/Remote violence", "Shelling/artillery/missile attack")]
    [InlineData("Supporters of the party gathered in Dalwa and condemned the government's policy.", "Protests", "Peaceful protest")]
    [InlineData("Police seized about 5 tons of marijuana hidden in a truck in Dalwa.", "Strategic developments", "Looting/property destruction")]
    [InlineData("Northern forces established fortifications around Dalwa.", "Strategic developments", "Change to group/activity")]
    [InlineData("Residents barricaded the main entrance of Dalwa with burning rubber tyres.", "Riots", "Violent demonstration")]
    [InlineData("A fugitive was killed in Dalwa after exchanging fire with police.", "Battles", "Armed clash")]
    [InlineData("Men on motorcycles opened fire at the police station in Dalwa. An officer returned fire.", "Battles", "Armed clash")]
    [InlineData("Gunmen opened fire on a patrol in Dalwa, injuring three policemen.", "Battles", "Armed clash")]
    [InlineData("A fighter was shot and killed by IS snipers near Dalwa.", "Battles", "Armed clash")]
    [InlineData("An explosion killed a farmer near Dalwa on Monday.", "Explosions/Remote violence", "Remote explosive/landmine/IED")]
    [InlineData("Armed men attacked a police officer at his house in Dalwa. The man died.", "Violence against civilians", "Attack")]
    [InlineData("Armed men attacked a police officer at his house in Dalwa and fought with his guards.", "Battles", "Armed clash")]
    [InlineData("Thousands of migrant workers blocked the Dalwa-Kelbra highway and pelted stones at police.", "Riots", "Violent demonstration")]
    [InlineData("Villagers vandalized a ration shop in Dalwa, agitating against irregular distribution.", "Riots", "Violent demonstration")]
    public void TypesIncidentsAsAcledDoes(string text, string type, string subType)
    {
        var found = EventTestKit.Extract(text, Published);
        Assert.NotEmpty(found);
        Assert.Equal((type, subType), (found[0].EventType, found[0].SubEventType));
        Assert.Equal(type, EventTaxonomy.TypeOf(found[0].SubEventType));
    }

    [Theory]
    [InlineData("Police shot a protester in Dalwa.", ActorKind.StateForces, null)]
    [InlineData("Boko Haram fighters attacked the village of Dalwa.", ActorKind.RebelGroup, "Boko Haram")]
    [InlineData("An Isis militant stabbed a farmer in Dalwa.", ActorKind.RebelGroup, "Islamic State")]
    [InlineData("Clan militia attacked herders near Dalwa.", ActorKind.IdentityMilitia, null)]
    [InlineData("Unidentified gunmen shot a trader in Dalwa.", ActorKind.PoliticalMilitia, null)]
    [InlineData("Five villagers died in Dalwa on Monday when gunmen attacked the market.", ActorKind.PoliticalMilitia, null)]
    [InlineData("Police said they believed the gunmen who killed three villagers in Dalwa had fled to the hills.", ActorKind.PoliticalMilitia, null)]
    public void NamesThePerpetratorsKind(string text, ActorKind kind, string? group)
    {
        var found = EventTestKit.Extract(text, Published)[0];
        var perpetrator = Assert.Single(found.Perpetrators);
        Assert.Equal(kind, perpetrator.Kind);
        Assert.Equal(group, perpetrator.Group);
    }

    [Theory]
    [InlineData("Two people are killed in a Russian airstrike on Dalwa.", "Military Forces of Russia")]
    [InlineData("Three men were killed in an Israeli drone strike in Dalwa.", "Military Forces of Israel")]
    [InlineData("Russia launches a missile attack on Dalwa, killing four people.", "Military Forces of Russia")]
    [InlineData("Israel says it struck a weapons depot in Dalwa, killing two fighters.", "Military Forces of Israel")]
    [InlineData("A farmer was killed in a Boko Haram raid on Dalwa.", "Boko Haram")]
    [InlineData("The U.S. launched airstrikes on militant camps near Dalwa, killing five fighters.", "Military Forces of the United States")]
    public void TheStateOrGroupThatOwnsTheStrikeIsItsPerpetrator(string text, string perpetrator)
    {
        var found = EventTestKit.Extract(text, Published)[0];
        Assert.Equal(perpetrator, found.Perpetrators[0].Group ?? found.Perpetrators[0].Name);
        Assert.DoesNotContain(found.Perpetrators, p => p.Kind is ActorKind.Civilians or ActorKind.Rioters);
    }

    [Fact]
    public void VictimsKinshipAgeAndGenderAreResolved()
    {
        var text = "Local activists said 31-year-old militant Karim Belhadj stabbed his sister Noor, 27, with a knife in the town of Kelbra. "
            + "Noor Belhadj had been accused of witchcraft, the activists said. Ms Belhadj died of her wounds on Friday.";
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        var victim = Assert.Single(found.Victims);
        Assert.Equal("Noor Belhadj", victim.Name);
        Assert.Equal(27, victim.Age);
        Assert.Equal(Gender.Female, victim.Gender);
        Assert.Equal("sister", victim.Relation);
        Assert.Equal("Karim Belhadj", victim.RelativeOf);
        Assert.Equal(VictimOutcome.Killed, victim.Outcome);
        Assert.Equal("Karim Belhadj", found.Perpetrators[0].Name);
        Assert.Equal(31, found.Perpetrators[0].Age);
        Assert.Equal("knife", found.Weapon);
        Assert.Equal("witchcraft", found.Reason);
        Assert.Equal(1, found.Killed?.Best);
    }

    // A named person killed in the present tense of a brief, or who "died" however long the description set beside the name.
    [Theory]
    [InlineData("Catholic priest Daniel Okello is killed in Kauda.", "Daniel Okello")]
    [InlineData("Catholic priest Daniel Okello is reportedly killed in Kauda.", "Daniel Okello")]
    [InlineData("Catholic priest Daniel Okello was killed in Kauda.", "Daniel Okello")]
    [InlineData("Catholic priest Samir Haddad, a teacher from Kelbra, died on Tuesday after being shot in his car by gunmen.", "Samir Haddad")]
    [InlineData("Catholic priest Samir Haddad, 34, was shot dead by gunmen in Kelbra on Tuesday.", "Samir Haddad")]
    public void ANamedPersonKilledIsAVictim(string text, string name)
    {
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        var victim = Assert.Single(found.Victims);
        Assert.Equal(name, victim.Name);
        Assert.Equal(VictimOutcome.Killed, victim.Outcome);
        Assert.Equal(1, found.Killed?.Best);
    }

    [Fact]
    public void AnActToldInASentenceThatOpensOnAnEarlierYearIsAnotherIncident()
    {
        // The drone attack of 2019 is what the victim once survived: its dead are not this shooting's, and, dated two
        // years before the report and told after the lead, it is background, not news.
        var text = "Gunmen shot a journalist dead in Kelbra on Tuesday. In 2019 he survived a drone attack that left six soldiers dead.";
        var found = Assert.Single(EventTestKit.Extract(text, new DateOnly(2021, 3, 11)));
        Assert.Equal("Attack", found.SubEventType);
        Assert.Equal(1, found.Killed?.Best);
    }

    [Fact]
    public void SourcesFormAChainWithShortReferencesResolvedAndHedges()
    {
        var text = "The rights group Voices of the Valley (VOV) said soldiers shot dead two farmers in Dalwa. "
            + "According to the Dalwa Human Rights Observatory, the soldiers reportedly fired without warning. "
            + "The Observatory said the farmers were unarmed. The Geneva-based monitor said it had documented the bodies.";
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        Assert.Equal(["Voices of the Valley (VOV)", "Dalwa Human Rights Observatory"], found.Sources.Select(s => s.Name).ToArray());
        Assert.False(found.Sources[0].Hedged);
        Assert.True(found.Sources[1].Hedged);
        Assert.Equal(SourceKind.Monitor, found.Sources[1].Kind);
        Assert.Equal("according to", found.Sources[1].Verb);
    }

    [Fact]
    public void OneQuotedAsSayingIsTheClaimsSourceNotAParty()
    {
        // "cited the army as stating" names who said so: the army is the report's source, not the gunmen's side.
        var text = "Gunmen shot dead two farmers in Dalwa on Monday. The local radio cited the army as stating that a third farmer died later.";
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        Assert.Contains(found.Sources, s => s.Name == "army" && s.Verb == "cited");
        Assert.DoesNotContain(found.Perpetrators.Concat(found.Targets), a => a.Name.Contains("army", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("It was reported on Saturday that gunmen shot dead two farmers in Dalwa.", "")]
    [InlineData("Two farmers were said to have been shot dead by gunmen in Dalwa.", "")]
    [InlineData("The Dalwa Observatory later said that gunmen shot dead two farmers in Dalwa.", "Dalwa Observatory")]
    [InlineData("They also said that gunmen shot dead two farmers in Dalwa.", "")]
    public void APassiveVerbOfSayingNamesNoSourceAndAnAdverbIsNoPartOfTheName(string text, string sources)
    {
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        Assert.Equal(sources, string.Join('|', found.Sources.Select(s => s.Name)));
    }

    [Fact]
    public void AnActThatOneServesASentenceForIsACourtsNotTheNews()
    {
        var text = "A prisoner was stabbed in the neck at a jail in Dalwa on Saturday. He is serving a life sentence for the 1998 murder of a judge.";
        var found = Assert.Single(EventTestKit.Extract(text, new DateOnly(2019, 9, 3)));
        Assert.Null(found.Killed);
    }

    [Fact]
    public void ASentenceThatDatesItsActYearsBackIsAnotherIncident()
    {
        // Dated decades back, the governor's assassination is history of its own: its victim is not this attack's party.
        var text = "A prisoner was stabbed in the neck at a jail in Dalwa on Saturday. The prisoner is the brother of the former governor Tomas Vela, who had himself been assassinated in 1993.";
        var found = Assert.Single(EventTestKit.Extract(text, new DateOnly(2019, 9, 3)));
        Assert.Empty(found.Perpetrators);
        Assert.Null(found.Killed);
    }

    [Theory]
    [InlineData("Local media reported that bandits abducted 12 women in Dalwa.", SourceKind.Media)]
    [InlineData("Locals said that bandits abducted 12 women in Dalwa.", SourceKind.Witness)]
    public void LocalMediaAreMediaAndLocalsAreWitnesses(string text, SourceKind kind)
    {
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        Assert.Equal(kind, Assert.Single(found.Sources).Kind);
    }

    [Fact]
    public void WhoIsKilledBeforeTheNextActIsActedOnNotActing()
    {
        // "killed" comes first: the farmers are its object, not a crowd that went on to abduct.
        var found = Assert.Single(EventTestKit.Extract("On 4 March 2021, Boko Haram fighters killed four farmers and abducted six others near Dalwa.", Published));
        Assert.DoesNotContain(found.Perpetrators, p => p.Kind == ActorKind.Rioters || p.Name.Contains("armers", StringComparison.Ordinal));
        Assert.Contains(found.Perpetrators, p => p.Kind == ActorKind.RebelGroup);
    }

    [Fact]
    public void WhatTheDemonstratorsGoOnToDoIsTheSameProtest()
    {
        var violent = Assert.Single(EventTestKit.Extract("Residents demonstrated in Dalwa against a new tax. They set barricades on fire and beat a tax official.", Published));
        Assert.Equal("Violent demonstration", violent.SubEventType);

        var attacked = EventTestKit.Extract("Residents demonstrated in Dalwa against a new tax. They were attacked by gunmen who shot two of them.", Published);
        Assert.Equal(2, attacked.Count);
    }

    [Fact]
    public void AnIncidentYearsBeforeTheReportIsHistory()
    {
        Assert.Empty(EventTestKit.Extract("The senator was held in Dalwa prison after rebels shot down his jet over the city in 1967.", Published));
        Assert.NotEmpty(EventTestKit.Extract("Rebels shot down an army jet over Dalwa on Monday, killing the pilot.", Published));
    }

    /// <summary>A lead paragraph and a later one, tokenized and split into sentences as the pipeline does.</summary>
    private static Document TwoParagraphs(string lead, string later)
    {
        var text = lead + "\n\n" + later;
        var document = new Document(text);
        document.Paragraphs.Add(new TextSpan(0, lead.Length));
        document.Paragraphs.Add(new TextSpan(lead.Length + 2, text.Length));
        new Tokenizer().Process(document);
        new SentenceSplitter().Process(document);
        return document;
    }

    [Fact]
    public void AnIncidentRecalledAfterTheLeadWeeksBeforeIsBackground()
    {
        const string recalled = "The new law follows the attack of 3 January, when gunmen killed two farmers in Dalwa.";
        const string fresh = "The new law follows the attack of 6 March, when gunmen killed two farmers in Dalwa.";
        const string lead = "Parliament passed a law on rural security on Monday.";
        Assert.Empty(new EventExtractor().Extract(TwoParagraphs(lead, recalled), Published));
        Assert.Single(new EventExtractor().Extract(TwoParagraphs(lead, fresh), Published));
        // Told in the lead, a late report of an incident stays.
        Assert.Single(new EventExtractor().Extract(TwoParagraphs(recalled, lead), Published));
    }

    [Fact]
    public void AnUndatedSentenceKeepsTheDateItsParagraphSet()
    {
        const string lead = "Parliament passed a law on rural security on Monday.";
        const string marched = "Thousands of workers marched through the town to protest against low wages.";
        const string recalled = "The union's congress opened in Dalwa on 3 January. Delegates elected a new leader. " + marched;
        const string fresh = "The union's congress opened in Dalwa on 6 March. Delegates elected a new leader. " + marched;
        Assert.Empty(new EventExtractor().Extract(TwoParagraphs(lead, recalled), Published));
        Assert.NotEmpty(new EventExtractor().Extract(TwoParagraphs(lead, fresh), Published));
        // The narrative's date is its paragraph's: one set in the paragraph before does not carry over.
        Assert.NotEmpty(new EventExtractor().Extract(TwoParagraphs(lead + " The union's congress opened in Dalwa on 3 January.", marched), Published));
    }

    [Fact]
    public void ACaptionOfAFewWordsReportsNothing()
    {
        Assert.Empty(EventTestKit.Extract("Fans filled the hall on Saturday.\n\nRocket Raccoon\n\nTony Stark", Published));
        Assert.NotEmpty(EventTestKit.Extract("Rockets hit Dalwa on Monday.", Published));
    }

    [Theory]
    [InlineData("Police officers in Dalwa said they were fighting corruption in their own ranks.")]
    [InlineData("The army said its battle against the virus in Dalwa was far from over.")]
    [InlineData("Rebel leaders in Dalwa called the new law an attack on democracy.")]
    [InlineData("Soldiers in Dalwa were fighting the flames all night.")]
    public void AFightWagedOnSomethingNoOneCanShootIsAFigureOfSpeech(string sentence)
    {
        Assert.Empty(EventTestKit.Extract(sentence, Published));
        Assert.NotEmpty(EventTestKit.Extract("Soldiers were fighting rebels on the outskirts of Dalwa on Tuesday.", Published));
    }

    [Fact]
    public void ASiteTheGazetteerLacksIsInTheTownOfTheScene()
    {
        var text = "A man appeared in court on Monday over the shooting in Dalwa on Friday.\n\n"
            + "Police said he carried out two attacks. The first was in Al Noor Mosque, where gunfire killed 42 worshippers.";
        var found = EventTestKit.Extract(text, Published, new FakeResolver());
        Assert.Contains(found, e => e.Killed?.Best == 42 && e.Location?.Name == "Dalwa");
    }

    [Fact]
    public void ASiteNamedAfterItsTownIsInTheTown()
    {
        var found = Assert.Single(EventTestKit.Extract("Gunmen attacked the Dalwa District Court on Monday, killing two guards.", Published, new FakeResolver()));
        Assert.Equal("Dalwa", found.Location?.Name);
    }

    [Fact]
    public void AnArrestAfterTheHarmTheReportCodesIsItsAftermath()
    {
        var text = "Gunmen shot dead five people at a market in Dalwa on Monday.\n\n"
            + "Police arrested a suspect in the Marrow district two hours after the shooting, officials said.";
        var found = Assert.Single(EventTestKit.Extract(text, Published, new FakeResolver()));
        Assert.Equal("Attack", found.SubEventType);
        // Told alone, the arrest is the news.
        Assert.Equal("Arrests", Assert.Single(EventTestKit.Extract("Police arrested an opposition activist in Marrow on Monday.", Published, new FakeResolver())).SubEventType);
    }

    [Theory]
    [InlineData("Five soldiers were killed in a shootout with Al-Shabaab gunmen in Dalwa on Monday.", "Al-Shabaab", "soldiers")]
    [InlineData("Clashes erupted between the army and Al-Shabaab fighters in Dalwa on Monday, killing four.", "army", "Al-Shabaab")]
    [InlineData("Troops clashed with Al-Shabaab fighters in Dalwa on Monday, killing four.", "Troops", "Al-Shabaab")]
    public void AFightsFirstSideIsTheOneNamedNextToItWhenNoneIsNamedBefore(string sentence, string perpetrator, string target)
    {
        var found = Assert.Single(EventTestKit.Extract(sentence, Published));
        Assert.Equal(perpetrator, Assert.Single(found.Evidence, e => e.Field == "perpetrators[0]").Text);
        Assert.Equal(target, Assert.Single(found.Evidence, e => e.Field == "targets[0]").Text);
    }

    [Fact]
    public void TheSubjectACueHoldsActedAndOneThatReportsDidNot()
    {
        var struck = Assert.Single(EventTestKit.Extract("Officials say Russian forces struck a cargo ship off Dalwa on Monday, killing ten crew members.", Published));
        Assert.Equal("Russian forces", Assert.Single(struck.Evidence, e => e.Field == "perpetrators[0]").Text);

        var reported = Assert.Single(EventTestKit.Extract("The Houthis report that twelve people were killed in airstrikes on a market in Dalwa on Monday.", Published));
        Assert.DoesNotContain(reported.Perpetrators.Concat(reported.Targets), a => a.Name.Contains("Houthi", StringComparison.Ordinal));
    }

    [Fact]
    public void AFightAfterAnotherActDoesNotNameItsSide()
    {
        var found = Assert.Single(EventTestKit.Extract("Southern Council units seized Dalwa on Monday after clashes with government forces.", Published));
        Assert.DoesNotContain(found.Evidence, e => e.Field == "perpetrators[0]" && e.Text == "government forces");
    }

    [Theory]
    [InlineData("The United States and Jordan carry out airstrikes on Islamic State targets near Dalwa.", "Military Forces of the United States")]
    [InlineData("On Monday, Israel struck a weapons depot in Dalwa, killing two guards.", "Military Forces of Israel")]
    public void AStateThatActsActsThroughItsForces(string sentence, string actor1)
    {
        var found = Assert.Single(EventTestKit.Extract(sentence, Published));
        Assert.Equal(actor1, ActorNames.Sides(found.EventType, found.Perpetrators, found.Targets, found.Location?.Country).Actor1);
    }

    [Fact]
    public void APerpetratorNamedAgainLaterIsNotItsOwnTarget()
    {
        var found = Assert.Single(EventTestKit.Extract("JNIM fighters ambushed a convoy of fuel tankers near Kayes on Monday, killing 12 drivers, as the jihadist group tightened its blockade of the region.", Published));
        Assert.Equal(["Civilians"], found.Targets.Select(t => t.Name).ToArray());
    }

    [Fact]
    public void AStateNamedAsAPassivesAgentIsThePerpetrator()
    {
        var found = Assert.Single(EventTestKit.Extract("The news agency reports that a third Dalwa Shipping Company vessel was attacked by Iran while transiting through the Strait of Hormuz on Monday.", Published));
        var perpetrator = Assert.Single(found.Perpetrators);
        Assert.Equal(("Iran", "Military Forces of Iran"), (perpetrator.Name, perpetrator.Group));
    }

    [Fact]
    public void ABombingWhoseBombWasSetDownIsARemoteExplosive()
    {
        var found = Assert.Single(EventTestKit.Extract("A bombing on Tuesday evening killed a shopkeeper and three of his customers in the market town of Dalwa. The bomb was placed on a parked motorcycle outside a bakery, the provincial governor said.", Published));
        Assert.Equal("Remote explosive/landmine/IED", found.SubEventType);
    }

    [Fact]
    public void PoliceWhoShootTheAttackerAfterTheLeadAreNotItsPerpetrator()
    {
        var found = Assert.Single(EventTestKit.Extract("Two shoppers were killed and three injured in a stabbing attack by a local man at a market in Dalwa on Monday. The attacker was shot dead by police.", Published));
        Assert.DoesNotContain(found.Perpetrators, p => p.Kind == ActorKind.StateForces);
        Assert.DoesNotContain(found.Targets, p => p.Kind == ActorKind.StateForces);
    }

    [Fact]
    public void ForcesNamedAsAPlaceBeforeTheActDidNotDoIt()
    {
        var found = Assert.Single(EventTestKit.Extract("At the police headquarters in Dalwa, a clerk went on a stabbing spree on Thursday, killing four.", Published));
        Assert.DoesNotContain(found.Perpetrators, p => p.Kind == ActorKind.StateForces);
    }

    [Fact]
    public void SoldiersKilledInACrashWereKilledByTheCrash() =>
        Assert.Empty(EventTestKit.Extract("Four soldiers were killed when their military helicopter crashed in bad weather near Dalwa on Monday, the army said.", Published));

    [Fact]
    public void ABlastAtAnArmyBaseStaysAnIncidentWhateverCauseIsNamed() =>
        Assert.NotEmpty(EventTestKit.Extract("An explosion at an army base near Dalwa killed six soldiers on Monday; officials blamed a gas cylinder.", Published));

    [Fact]
    public void PeopleJoinedAfterAnAsideAreCountedToo()
    {
        var found = Assert.Single(EventTestKit.Extract("Clashes between the army and rebels near Dalwa killed five soldiers, including an army major, and seven insurgents.", Published));
        Assert.Equal(12, found.Killed?.Best);
    }

    [Fact]
    public void HospitalStaffAreNotCasualtiesTakenToHospital()
    {
        var found = Assert.Single(EventTestKit.Extract("Staff of the city hospital protested in Dalwa on Monday against unpaid wages.", Published, new FakeResolver()));
        Assert.Equal("Dalwa", found.Location?.Name);
    }

    [Fact]
    public void TheTreatmentCityIsNotTheIncidentsPlace()
    {
        var text = "A mortar shell struck a bus station in Dalwa on Tuesday, wounding a driver. "
            + "He was treated in a hospital in Marrow, the army said, and has since been moved to Kelbra.";
        var resolver = new FakeResolver();
        var found = Assert.Single(EventTestKit.Extract(text, Published, resolver));
        Assert.Equal("Dalwa", found.Location?.Name);
        Assert.Equal("SD", found.Location?.Country);
        Assert.Equal(12.5, found.Location?.Latitude);
        Assert.DoesNotContain("Marrow", resolver.Asked);
        Assert.DoesNotContain("Kelbra", resolver.Asked);
    }

    [Fact]
    public void WithoutAGazetteerTheCountryComesFromTheText()
    {
        var found = Assert.Single(EventTestKit.Extract("Gunmen attacked a church in Kelbra, Syria, on Sunday, killing a priest.", Published));
        Assert.Equal("Kelbra", found.Location?.Name);
        Assert.Equal("SY", found.Location?.Country);
        Assert.Null(found.Location?.Latitude);

        var countryOnly = Assert.Single(EventTestKit.Extract("An airstrike in neighbouring Iraq wounded a commander.", Published));
        Assert.Equal("IQ", countryOnly.Location?.Country);
        Assert.Equal(Vigil.Places.PlacePrecision.Country, countryOnly.Location?.Precision);
    }

    [Fact]
    public void BoilerplateAndBackgroundGiveNoEvent()
    {
        var text = "Subscribe to our newsletter to get the latest headlines. Your support helps us tell the story.\n"
            + "Such charges are usually used as a justification for killing opponents.";
        Assert.Empty(EventTestKit.Extract(text, Published));
    }

    [Theory]
    [InlineData("Nadal beat Medvedev in three sets on Sunday to keep Spain alive in the final.")]
    [InlineData("The two firms signed an agreement to merge on Tuesday.")]
    public void ConflictWordsWithoutPartiesOrHarmAreNoEvent(string text)
    {
        Assert.Empty(EventTestKit.Extract(text, Published));
    }

    // The rules alone (no trained coder), so each sentence is dropped by the rule it names, not by the model's reading.
    [Theory]
    [InlineData("Police in Dalwa arrested two men on Saturday on suspicion of burglary after jewellery was taken from the town museum.")]
    [InlineData("A footballer was arrested in Dalwa on Friday on a charge of domestic violence after his wife said he had assaulted her.")]
    [InlineData("A singer was arrested in Dalwa on Friday after an allegation that he assaulted Mara Tovi, his ex-wife.")]
    [InlineData("Police in Dalwa detained the lorry driver on Sunday after the crash on the ring road and opened a criminal case against him.")]
    [InlineData("Police arrested a consular employee near Dalwa on Friday after finding 600 smuggled electronic devices in his car.")]
    [InlineData("Two residents were killed and five were hurt overnight in a ten-storey block of flats in Dalwa, the fire service said on Sunday.")]
    [InlineData("A lorry driver pleaded not guilty on Tuesday to five counts of vehicular homicide. Police say he ran a red light in Dalwa in May and struck a minibus, killing five passengers.")]
    [InlineData("A bus carrying pilgrims overturned on a mountain road near Dalwa on Sunday. At least nine people died. Police detained the driver for questioning.")]
    [InlineData("A fire yesterday morning destroyed at least 200 makeshift homes in a slum in Dalwa. Officials said it killed nine people and injured at least 50 more.")]
    [InlineData("A passenger flight attempted a landing at Dalwa airport in heavy rain. The aircraft overshot the runway and broke into two pieces.\n\nAccording to authorities, at least a dozen people lost their lives and scores more were injured.")]
    [InlineData("An engineer was killed while working on a moving walkway at Dalwa station early on Wednesday.")]
    public void OrdinaryCrimeAndAccidentsAreDroppedByTheRules(string text)
    {
        Assert.Empty(EventTestKit.Extract(text, Published));
    }

    [Fact]
    public void SeveralIncidentsGiveSeveralEvents()
    {
        var text = "Gunmen killed two farmers in Dalwa on Monday. "
            + "Separately, police fired tear gas to disperse protesters in Marrow on Tuesday.";
        var found = EventTestKit.Extract(text, Published);
        Assert.Equal(2, found.Count);
        Assert.Contains(found, e => e.SubEventType == "Attack" && e.Location?.Name == "Dalwa" && e.Killed?.Best == 2);
        Assert.Contains(found, e => e.SubEventType == "Protest with intervention" && e.Location?.Name == "Marrow");
    }

    [Fact]
    public void OneIncidentToldInSeveralSentencesIsOneEvent()
    {
        var text = "Militants attacked an army checkpoint in Dalwa on Sunday. Three soldiers were killed in the attack. "
            + "The attackers fled after a two-hour gun battle, the army said.";
        var found = Assert.Single(EventTestKit.Extract(text, Published));
        Assert.Equal("Armed clash", found.SubEventType);
        Assert.Equal(3, found.Killed?.Best);
        Assert.Equal(new DateOnly(2021, 3, 7), found.Date?.Value);
        Assert.Contains(found.Sources, s => s.Kind == SourceKind.Military);
    }

    [Fact]
    public void EveryEvidenceSpanQuotesTheText()
    {
        var text = "On 2 March 2021, soldiers shot dead three protesters in Dalwa, witnesses said.";
        var document = EventTestKit.Document(text);
        var found = new EventExtractor().Extract(document, Published);
        Assert.NotEmpty(found);
        foreach (var evidence in found.SelectMany(e => e.Evidence))
        {
            Assert.Equal(evidence.Text, text[evidence.Start..evidence.End]);
        }
    }

    [Fact]
    public void EntityLayerNamesPeopleTheHeuristicsWouldMiss()
    {
        var text = "Witnesses said Xu stabbed a guard in Dalwa.";
        var document = EventTestKit.Document(text, ("Xu", "PER"));
        var found = Assert.Single(new EventExtractor().Extract(document, Published));
        Assert.Equal("Xu", found.Perpetrators[0].Name);
    }

    [Fact]
    public void ASentenceThatSetsTheSceneLendsItsPlace()
    {
        var found = Assert.Single(EventTestKit.Extract("On Monday, in Dalwa, police went to the old market quarter. A shoot-out broke out and a suspect was wounded.", Published, new FakeResolver()));
        Assert.Equal("Dalwa", found.Location?.Name);
    }

    [Fact]
    public void NoReportOfFatalitiesIsNoKilling()
    {
        var found = Assert.Single(EventTestKit.Extract("Rebels fired heavy and medium weapons at army positions near Dalwa, with no report of fatalities.", Published));
        Assert.Equal("Shelling/artillery/missile attack", found.SubEventType);
        Assert.NotEqual(EventTaxonomy.ViolenceAgainstCivilians, found.EventType);
    }

    [Theory]
    [InlineData("Suicide Bomber Kills 7 at Mosque in Northwest Pakistan", true)]
    [InlineData("Israeli Strike Kills 5 in Southern Lebanon", true)]
    [InlineData("Suicide bomber kills 7 at mosque in northwest Pakistan", false)]
    [InlineData("Police in Nairobi Said On Monday That Seven Were Arrested.", false)]
    public void ATitleCaseHeadlineIsToldFromRunningText(string sentence, bool titleCase) =>
        Assert.Equal(titleCase, EventPatterns.IsTitleCase(sentence));
}
