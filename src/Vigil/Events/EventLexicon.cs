using System.Text.RegularExpressions;

namespace Vigil.Events;

/// <summary>What a phrase in a sentence says about the incident it reports; the classifier combines cues by priority.</summary>
internal enum Cue
{
    Airstrike,
    Shelling,
    Ied,
    Suicide,
    Grenade,
    Chemical,
    Explosion,
    Clash,
    Attack,
    Kill,
    Injure,
    Abduct,
    Sexual,
    Protest,
    Intervention,
    ExcessiveForce,
    Riot,
    Mob,
    ProtesterViolence,
    Arrest,
    Loot,
    Disrupted,
    Agreement,
    ChangeActivity,
    Base,
    Transfer,
    RegainTerritory,
    OvertakeTerritory,
}

/// <summary>
/// The vocabulary of conflict reporting and of event coders' notes, as regular expressions: incident cues, actor
/// descriptors, weapons and motives. Rules and lexicons rather than a trained model because no shippable labelled
/// corpus of conflict events exists for this project (ACLED's coding may only be used to measure), and because each
/// rule can be read, tested and corrected by an analyst.
/// </summary>
internal static partial class EventLexicon
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static readonly (Cue Cue, Regex Pattern)[] Cues =
    [
        (Cue.Suicide, new Regex(@"\bsuicide[- ](?:bomb(?:ing|er|ers|s)?|attack(?:er|ers|s)?|vest|car|blast|explosion)|\bblew\s+(?:him|her|them)sel(?:f|ves)\s+up|\bself-detonat", Options)),
        (Cue.Chemical, new Regex(@"\bchemical\s+(?:weapons?|attack|agents?)|\b(?:chlorine|sarin|mustard)\s+gas|\bnerve\s+agent", Options)),
        (Cue.Airstrike, new Regex(@"\bair[- ]?strikes?\b|\bair[- ]?raids?\b|\bdrone[- ](?:strikes?|attacks?)|\b(?:aerial|air)\s+(?:bombardment|attack|bombing)s?|\bwar-?planes?\b|\bfighter\s+jets?\b|\bhelicopter\s+gunships?|\b(?:drones?|aircraft|jets|planes|helicopters?)\s+(?:\w+\s+){0,2}(?:bombed|struck|targeted|hit|fired|dropped|carried\s+out)|\bbombed\s+by\s+(?:\w+\s+){0,2}(?:aircraft|jets|planes|drones?)|\b(?:aircraft|aircrafts|jets|planes|drones?|helicopters?)\b[^.]{0,160}?\bdropp(?:ed|ing)\s+(?:\w+\s+){0,2}(?:bombs?|explosives|missiles)|\b(?:military|army|air\s+force|forces)\s+(?:\w+\s+){0,3}bombed\b|\bunmanned\s+aerial|\bbarrel\s+bombs?|\bair\s?forces?\s+(?:\w+\s+){0,2}(?:targeted|struck|bombed|hit|attacked|raided|shelled)|\bUAVs?\b", Options)),
        (Cue.Ied, new Regex(@"\bIEDs?\b|\bVBIEDs?\b|\bimprovised\s+explosive|\bexplosive\s+devices?|\broadside\s+bombs?|\bland\s?mines?\b|\bmines?\s+(?:exploded|blast|explosion|went\s+off)|\b(?:stepped|drove)\s+(?:on|over)\s+an?\s+(?:land\s?)?mine|\bcar\s+bombs?|\b(?:bomb|explosives?)\s+(?:planted|exploded|went\s+off|detonated|blast|attached)|\bmagnetic\s+bombs?|\bsticky\s+bombs?|\bbomb\s+(?:attack|explosion)|\bremote(?:ly)?[- ]control(?:led)?\s+(?:bomb|device|explosive)|\bremote\s+explosives?\b|\bRCIEDs?\b|\bplanted\s+(?:a\s+)?bombs?", Options)),
        (Cue.Grenade, new Regex(@"\bgrenades?\b(?!\s*launchers?)|\bhand\s+grenades?", Options)),
        (Cue.Shelling, new Regex(@"\bshell(?:ed|ing|s)\b|\bartillery\b|\bmortars?\b|\brockets?\b|\bmissiles?\b|\bprojectiles?\b|\bbombard(?:ed|ment|ments)\b|\bgrenade\s+launchers?|\bRPGs?\b|\bGrad\b|\bMLRS\b|\b(?:heavy|medium|heavy\s+and\s+medium)\s+(?:weapons|machine\s*guns)\b|\bexplosions?\b(?=[^.]{0,40}\b(?:observed|recorded|heard)\b)|\b(?:observed|recorded|heard)\b[^.]{0,60}\bexplosions?\b|\bcross-border\s+fire|\btank\s+fire|\bATGMs?\b|\banti-tank\s+(?:guided\s+)?missiles?", Options)),
        (Cue.Explosion, new Regex(@"\bexplo(?:sion|sions|ded|sive)\b|\bblasts?\b|\bdetonat(?:ed|ion)\b|\bbombings?\b", Options)),
        (Cue.Clash, new Regex(@"\bclash(?:ed|es)?\b|\bexchanged?\s+(?:of\s+)?(?:heavy\s+)?(?:gun\s?fire|fire|gun\s?shots|shots|bullets)|\bexchange\s+of\s+(?:gun\s?fire|fire)|\bgun\s?fights?\b|\bgun\s?battles?\b|\bfire\s?fights?\b|\bshoot-?outs?\b|\bfought\b|\bfighting\b|(?<!\bto\s)\bbattles?\b(?!\s+for)|\bambush(?:ed|es)?\b|\bengaged\b|\bskirmish(?:es|ed)?\b|\boffensive\b|\bcounter-?attack|\bfired\s+(?:with\s+)?(?:\w+\s+){0,3}(?:on|at|upon)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:positions?|posts?|checkpoints?|base|troops|soldiers|forces|police|patrol)|\b(?:attacked|raided|stormed|assaulted)\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,3}(?:positions?|posts?|checkpoints?|bases?|troops|soldiers|forces|police|policemen|patrols?|convoys?|barracks|outposts?|army|military|militants|rebels|militia\w*)|\bmilitary\s+operation|\bsecurity\s+operation|\boperation\s+(?:against|by|in)\b|\bhostilities\b|\bfrontline|\bsmall\s+arms\b|\bgun\s?fire\b|\bthwarted\b|\bincursion\b|\brepelled\b|\brepulsed\b|\breturned\s+(?:the\s+)?fire\b|\bexchanging\s+(?:heavy\s+)?(?:gun\s?fire|fire|shots)", Options)),
        (Cue.Attack, new Regex(@"\battack(?:ed|s)?\b|\bassault(?:ed)?\b|\braid(?:ed)?\b|\bstormed\b|\bopened\s+fire|\bshot\b|\bshooting\b|\bfired\s+(?:at|on|upon)\b|\bstabb(?:ed|ing)\b|\bhacked\b|\bbeat(?:en)?\b|\bbeating\b|\btortur(?:ed|e)\b|\bset\s+(?:\w+\s+){0,2}(?:on\s+)?fire\b|\bburn(?:ed|t)\s+alive|\bhanged\b|\bstrangled\b|\bpoisoned\b|\bharass(?:ed|ment)\b|\bassassination\s+attempt", Options)),
        (Cue.Kill, new Regex(@"\bkill(?:ed|ing|ings)?\b|\bshot\s+dead\b|\bgunned\s+down\b|\bmurder(?:ed|s)?\b|\bexecut(?:ed|es|ion|ions)\b|\bslain\b|\bslaughtered\b|\bassassinat(?:ed|ion)\b|\bbehead(?:ed|ing)\b|\blynch(?:ed|ing)\b|\bdied\b|\bdead\b|\bdeaths?\b|\bfatalit(?:y|ies)\b|\b(?:dead\s+)?bod(?:y|ies)\s+(?:of|was|were|found)|\bfound\s+dead|\blost\s+(?:their|his|her)\s+lives?|\bmassacre[ds]?\b|\bhomicide\b", Options)),
        (Cue.Injure, new Regex(@"\binjur(?:ed|ing|ies|y)\b|\bwound(?:ed|ing|s)?\b|\bhurt\b|\bcasualt(?:y|ies)\b", Options)),
        (Cue.Abduct, new Regex(@"\babduct(?:ed|ion|ions|s)?\b|\bkidnap(?:ped|ping|pings|s)?\b|\btaken\s+hostage|\bhostages?\b|\bforcibly\s+disappeared|\benforced\s+disappearance|\bforced\s+disappearance", Options)),
        (Cue.Sexual, new Regex(@"\brap(?:ed|e|es|ing)\b|\bsexual(?:ly)?\s+(?:assault(?:ed)?|violence|abused?|abuse)|\bgang-?rap", Options)),
        (Cue.Protest, new Regex(@"\bprotest(?:ed|s|ing|ers|ors)?\b|\bdemonstrat(?:ed|ion|ions|ors|ing|e)\b|\brall(?:y|ied|ies)\b|\bmarch(?:ed|es)?\b(?!\s+\d)|\bsit-?ins?\b|\bpicket(?:ed|s)?\b|\b(?:went|go|going)\s+on\s+(?:a\s+)?(?:hunger\s+)?strike|\b(?:hunger|general|labou?r)\s+strike|\bstaged?\s+(?:a\s+)?(?:strike|walkout)|\bstrike\s+action|\bwalk-?outs?\b|\bmotorcade\b|\bcaravan\s+(?:protest|in\s+support)|\b(?:gathered|assembled|congregated)\b[^.]{0,140}\b(?:demand|against|to\s+denounce|to\s+protest|in\s+support|to\s+call|to\s+pressure|condemn|denounc|chant)|\b(?:blocked|barricaded)\s+(?:[\w'-]+\s+){0,5}(?:road|roads|highway|street|streets|railway|rails|traffic|entrance|route)\b|\bagitat(?:ed|ing|ion)\b|\bboycott(?:ed)?\b|\bchanted\b|\bslogans\b|\bvigil\b|\bpetition\b|\b(?:took|taken|take|taking)\s+to\s+the\s+streets?\b|\b(?:held|staged|organi[sz]ed)\s+(?:a\s+)?(?:solidarity\s+)?(?:stand|gathering|sit-?in|rally|march)\b|\bdemand(?:ed|ing)\s+(?:the\s+)?(?:payment|release|reopening|resignation|dismissal|justice|better|an?\s+increase)|\b(?:banging|banged)\s+pots|\bpot-banging\b|\bcacerolazo\b", Options)),
        (Cue.Intervention, new Regex(@"\bdispers(?:ed|e|ing)\b|\btear\s?-?gas\b|\bwater\s+cannons?\b|\brubber\s+bullets\b|\bbatons?\b|\blathi[- ]?charg|\bbaton[- ]charg|\bintervened\b|\bbroke\s+up\b|\bpepper\s+spray|\bstun\s+grenades?|\b(?:detained|arrested)\s+(?:\w+\s+){0,3}(?:protesters|demonstrators|them|participants|marchers|strikers|several|some|dozens|\d+)\b|\b(?:protesters|demonstrators|they|participants|marchers|strikers)\s+were\s+(?:\w+\s+)?(?:detained|arrested)|\bforcibly\s+removed|\bfired\s+(?:in\s+the\s+air|warning\s+shots|into\s+the\s+air)|\bwarning\s+shots|\bpushed\s+back|\bcharged\s+(?:at|on)\s+(?:the\s+)?(?:protesters|crowd|demonstrators)", Options)),
        (Cue.ExcessiveForce, new Regex(@"\blive\s+(?:ammunition|rounds|bullets|fire)\b|\bopened\s+fire\s+(?:on|at)\s+(?:the\s+)?(?:\w+\s+)?(?:protesters|demonstrators|crowd|marchers)|\b(?:protesters|demonstrators|marchers)\s+(?:were\s+)?(?:shot|killed)", Options)),
        (Cue.Riot, new Regex(@"\briot(?:ed|s|ing|ers)?\b|\bviolent\s+(?:protest|demonstration)s?", Options)),
        (Cue.Mob, new Regex(@"\bmobs?\b|\blynch(?:ed|ing|ings)?\b|\bvigilant(?:e|es|ism)\b|\bmob\s+justice|\bjungle\s+justice|\bpelt(?:ed|ing)\s+(?:\w+\s+)?(?:stones|rocks|bricks)|\bthrew\s+(?:\w+\s+)?(?:stones|rocks|bricks)\b|\bstoned\b|\bstone[- ]?pelting\b|\bhurled\s+(?:\w+\s+)?(?:stones|rocks|bricks)|\bwith\s+(?:sticks|stones|rocks|clubs|axes)\b|\bsticks\s+and\s+stones\b|\bbeat(?:en)?\s+up\b", Options)),
        (Cue.ProtesterViolence, new Regex(@"\b(?:pelted|threw|throwing|hurled|hurling)\s+(?:\w+\s+){0,2}(?:stones|rocks|bricks|petrol\s+bombs|molotov|objects|bottles|firecrackers|fireworks)|\bstone[- ]?pelting|\bset\s+(?:\w+\s+){0,3}(?:on\s+)?fire|\b(?:torched|vandali[sz]ed|ransacked|smashed|damaged|destroyed)\b|\bburn(?:ed|t|ing)\s+(?:\w+\s+)?(?:tyres|tires|vehicles|cars|buildings|office|police)|\bburning\s+(?:\w+\s+)?(?:tyres|tires)|\battacked\s+(?:the\s+|a\s+)?(?:police|officers|security\s+forces|\w+\s+office)|\bclash(?:ed|es)?\s+with\s+(?:the\s+)?(?:police|security\s+forces|officers)|\bscuffl(?:ed|es?)", Options)),
        (Cue.Arrest, new Regex(@"\barrest(?:ed|s)?\b|\bdetain(?:ed|s)?\b|\bdetention\b|\bcaptured\b(?!\s+(?:the\s+)?(?:town|city|village|area|district|base|control))|\btaken\s+into\s+custody|\brounded\s+up|\bapprehended\b", Options)),
        (Cue.Loot, new Regex(@"\bloot(?:ed|ing)\b|\bpillag(?:ed|ing)\b|\btorched\b|\b(?:burn(?:ed|t)|set\s+fire\s+to)\s+(?:\w+\s+){0,3}(?:houses?|homes?|shops?|huts?|vehicles?|cars?|trucks?|property|properties|buildings?|crops|villages?|schools?|churches|church|mosques?|offices?|stores?|markets?|domiciles?)|\b(?:attacked|raided)\s+and\s+(?:burn(?:ed|t)|destroyed|damaged|looted)\b|\bdestroy(?:ed)?\s+(?:\w+\s+){0,3}(?:houses|homes|property|properties|crops|shops|buildings?)|\bdemolish(?:ed)?\b|\bvandali[sz]ed\b|\brobbed\b|\bstole\b|\bseized\s+(?:\w+\s+){0,4}(?:livestock|cattle|goods|property|vehicles?|cars?|trucks?|motorcycles?|money|drugs|marijuana|cocaine|heroin|narcotics)|\bcattle\s+raid|\bransacked\b|\bextort(?:ed|ion)\b|\barson\b|\bset\s+(?:\w+\s+){0,2}alight\b|\b(?:razed|bulldozed|uprooted)\b|\bcut\s+down\s+(?:\w+\s+){0,3}(?:trees|olive)|\b(?:trees|crops|saplings)\s+(?:were\s+)?(?:cut\s+down|uprooted|burn(?:ed|t)|destroyed)|\bstripped\s+(?:\w+\s+){0,2}of\s+(?:their|his|her)\b|\b(?:threw|hurled|thrown)\s+(?:\w+\s+){0,2}(?:Molotov\s+cocktails?|petrol\s+bombs?|fire-?bombs?)\s+at\s+(?:a|an|the)\s+(?:\w+\s+){0,2}(?:stores?|shops?|houses?|homes?|buildings?|offices?|banks?|facades?|cars?|vehicles?)|\bseized\s+(?:a\s+)?(?:large\s+)?(?:area|land|plot)|\bland\s+seizure\b|\bconfiscat(?:ed|ing)\b", Options)),
        (Cue.Disrupted, new Regex(@"\bdefus(?:ed|ing)\b|\bdismantl(?:ed|ing)\b|\bdeactivat(?:ed|ing)\b|\bdisarmed\b|\bexploded\s+prematurely|\bprematurely\s+(?:exploded|detonated)|\baccidental(?:ly)?\s+(?:detonat|explo)|\bweapons?\s+(?:cache|depot)s?\b|\bseized\s+(?:\w+\s+){0,3}(?:weapons|arms|ammunition|explosives)|\bbomb\s+disposal|\bintercept(?:ed|ion)\b|\bshot\s+down\b|\bcontrolled\s+explosion|\bdestroyed\s+(?:\w+\s+){0,2}(?:explosive|mines?|IEDs?|drones?)", Options)),
        (Cue.Agreement, new Regex(@"\bagreement\b|\bceasefire\b|\bcease-fire\b|\bpeace\s+(?:deal|accord|talks)|\btruce\b|\bsigned\s+(?:a|an|the)\b|\bprisoner\s+(?:swap|exchange)|\breleased\s+(?:\w+\s+){0,3}(?:prisoners|detainees|hostages)", Options)),
        (Cue.Base, new Regex(@"\b(?:established|set\s+up|built|opened)\s+(?:a\s+|an\s+|new\s+)*(?:military\s+)?(?:base|headquarters|camp|outpost|checkpoint)", Options)),
        (Cue.Transfer, new Regex(@"\bhanded\s+over\s+(?:control|the\s+(?:town|city|area|base))|\bwithdr(?:ew|awn)\s+from\s+(?:the\s+)?(?:town|city|village|area|base|positions)|\btook\s+over\s+(?:\w+\s+){0,2}(?:positions|base|control)\s+(?:\w+\s+){0,4}(?:without|after\s+(?:\w+\s+)?withdr)", Options)),
        (Cue.RegainTerritory, new Regex(@"\b(?:regained|recaptured|retook|re-took|liberated|reclaimed)\b|\btook\s+back\s+control", Options)),
        (Cue.OvertakeTerritory, new Regex(@"\b(?:seized|took|gained|captured)\s+control\s+of\b|\b(?:seized|captured|overran|took\s+over)\s+(?:the\s+)?(?:town|city|village|district|area|base|military\s+base)", Options)),
        (Cue.ChangeActivity, new Regex(@"\bfortifications\b|\bdug\s+(?:\w+\s+)?trenches\b|\breinforcements?\b|\bdeployed\b|\bdeployment\b|\bpatrol(?:led|s|ling)?\b|\bmobili[sz](?:ed|ation)\b|\brecruit(?:ed|ment|ing)\b|\btraining\s+(?:camp|course)|\bmilitary\s+(?:drills?|exercises?|parade)|\bcurfew\b|\bsecurity\s+measures\b|\bbuild-?up\b|\b(?:convoy|column)\b[^.]{0,80}?\b(?:arrived|entered|passed|reached)|\bset\s+up\s+checkpoints?|\bsurrender(?:ed)?\b|\bdefected\b|\bjoined\s+the\b|\bbanned\b|\bimposed\b", Options)),
    ];

    /// <summary>Cues that describe harm itself and so fit any incident they are told with.</summary>
    public static bool IsHarm(Cue cue) => cue is Cue.Kill or Cue.Injure;

    /// <summary>Sentence openings that announce a different incident from the one told before.</summary>
    [GeneratedRegex(@"^\W*(?:in\s+(?:a\s+|an\s+)?(?:another|separate|related|similar|unrelated|second|different)\b|separately\b|elsewhere\b|meanwhile\b|also\s+on\b|on\s+the\s+same\s+day\b|in\s+addition\b|the\s+(?:news|attack|incident|strike|killing|report)\s+(?:comes?|came)\s+as\b|this\s+comes\s+as\b|it\s+comes\s+as\b|earlier\b|a\s+day\s+(?:earlier|later|before)\b|the\s+previous\s+day\b|last\s+(?:week|month)\b)|\b(?:comes?|came)\s+(?:as|after|days\s+after)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex NewIncident();

    /// <summary>Words that make a sentence general rather than a report of an incident.</summary>
    [GeneratedRegex(@"\b(?:usually|typically|generally|is\s+used|are\s+used|justification|in\s+recent\s+years|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decades))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Generic();

    /// <summary>Words right before a cue that make it background to the sentence's report: what came before, or why ("during recent riots", "in connection with the ongoing clashes", "to retaliate against an attack", "detained for hurling").</summary>
    [GeneratedRegex(@"(?:\b(?:recent(?:ly)?|ongoing|continuing|previous|earlier|past|last\s+\w+'s|context\s+of|connection\s+(?:to|with)|(?:anniversary|commemoration|remembrance|memory)\s+of|retaliat\w*(?:\s+(?:for|against))?|revenge\s+(?:for|of))\s+(?:\w+\s+){0,3}|\bfor\s+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex BackgroundBefore();

    /// <summary>Words right after a cue that date it before the sentence's report ("riots in the previous week", "an attack earlier that day").</summary>
    [GeneratedRegex(@"^[^.;]{0,40}?\b(?:in\s+the\s+(?:previous|past)\s+(?:days?|weeks?|months?)|the\s+(?:day|week|night)\s+before|earlier\s+(?:that|the\s+same)\s+day|(?:days?|weeks?|months?)\s+(?:earlier|ago))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex BackgroundAfter();

    /// <summary>A modal or intention right before a cue makes it hypothetical ("would die", "threatened to kill").</summary>
    [GeneratedRegex(@"\b(?:would|could|might|may|will|shall|should|threaten(?:ed|s|ing)?\s+to|plans?\s+to|planned\s+to|vow(?:ed|s)?\s+to|tried\s+to|attempt(?:ed)?\s+to|fear(?:ed|ing|s)?\s+(?:they\s+)?(?:would|could|might)?|if|not|no|never|risk\s+of|fears\s+of|no\s+reports?\s+of|neither|nor)\s+(?:\w+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Hypothetical();

    public static readonly (Regex Pattern, string Weapon)[] Weapons =
    [
        (new Regex(@"\bassault\s+rifles?\b", Options), "assault rifle"), (new Regex(@"\b(?:AK-?47|Kalashnikov)s?\b", Options), "assault rifle"),
        (new Regex(@"\bsuicide\s+(?:vest|belt)s?\b", Options), "suicide vest"), (new Regex(@"\bcar\s+bombs?\b|\bVBIEDs?\b|\bvehicle[- ]borne", Options), "car bomb"),
        (new Regex(@"\bIEDs?\b|\bimprovised\s+explosive|\broadside\s+bombs?|\bexplosive\s+devices?", Options), "IED"),
        (new Regex(@"\bland\s?mines?\b|\bmines?\b(?=\s+(?:exploded|blast|explosion|went))", Options), "landmine"),
        (new Regex(@"\bair[- ]?strikes?\b|\bair[- ]?raids?\b|\bwar-?planes?\b|\bfighter\s+jets?\b|\bbarrel\s+bombs?\b", Options), "airstrike"),
        (new Regex(@"\bdrones?\b", Options), "drone"), (new Regex(@"\bmortars?\b", Options), "mortar"),
        (new Regex(@"\bgrenade\s+launchers?\b|\bRPGs?\b|\brocket-propelled\s+grenades?", Options), "rocket-propelled grenade"),
        (new Regex(@"\bgrenades?\b", Options), "grenade"), (new Regex(@"\bmissiles?\b", Options), "missile"), (new Regex(@"\brockets?\b", Options), "rocket"),
        (new Regex(@"\bartillery\b|\bshell(?:s|ed|ing)\b|\bhowitzers?\b", Options), "artillery"), (new Regex(@"\btanks?\b(?=\s+(?:fire|shell|round))|\btank\s+fire", Options), "tank"),
        (new Regex(@"\bheavy\s+machine[- ]guns?\b", Options), "heavy machine gun"), (new Regex(@"\bmachine[- ]guns?\b", Options), "machine gun"),
        (new Regex(@"\bsnipers?\b", Options), "sniper rifle"), (new Regex(@"\brifles?\b", Options), "rifle"),
        (new Regex(@"\bpistols?\b|\bhandguns?\b|\brevolvers?\b", Options), "pistol"),
        (new Regex(@"\b(?:gun\s?fire|guns?|gun\s?shots?|firearms?|shot\s+dead|opened\s+fire|shooting|bullets?|small\s+arms)\b", Options), "firearm"),
        (new Regex(@"\blive\s+(?:ammunition|rounds|bullets)\b", Options), "live ammunition"), (new Regex(@"\btear\s?-?gas\b", Options), "tear gas"),
        (new Regex(@"\brubber\s+bullets\b", Options), "rubber bullets"), (new Regex(@"\bknife\b|\bknives\b|\bstabb(?:ed|ing)\b", Options), "knife"),
        (new Regex(@"\bmachetes?\b", Options), "machete"), (new Regex(@"\baxes?\b", Options), "axe"),
        (new Regex(@"\b(?:sticks|clubs|batons|iron\s+rods)\b", Options), "blunt weapon"), (new Regex(@"\bstones\b|\brocks\b|\bbricks\b", Options), "stones"),
        (new Regex(@"\bpetrol\s+bombs?\b|\bmolotov", Options), "petrol bomb"), (new Regex(@"\bexplosives?\b|\bbombs?\b", Options), "explosives"),
    ];

    /// <summary>Stated charges and motives: the captured group "r" is the reason.</summary>
    public static readonly Regex[] Reasons =
    [
        new(@"\baccus(?:ed|ing|ation)\s+(?:\w+\s+)?of\s+(?:being\s+|having\s+)?(?<r>[\w\s'’-]{3,60}?)(?=\s*(?:[,.;:()–—]|\s-\s|\band\b|\bby\b|\bafter\b|\bin\b|$))", Options),
        new(@"\bcharged\s+with\s+(?<r>[\w\s'’-]{3,60}?)(?=\s*(?:[,.;:()–—]|\band\b|$))", Options),
        new(@"\b(?:for|over)\s+(?:alleged(?:ly)?\s+)?(?<r>apostasy|blasphemy|adultery|witchcraft|sorcery|espionage|spying|theft|stealing|collaboration|treason|desertion|homosexuality|insulting\s+[\w\s]{2,20}?|cooperating\s+with\s+[\w\s]{2,25}?|(?:a\s+)?(?:land|border|water|grazing|property|family|business|political|ethnic|religious|chieftaincy)\s+(?:dispute|conflict|row|feud|rivalry))(?=\s*(?:[,.;:()]|\band\b|$))", Options),
        new(@"\bin\s+(?<r>retaliation|revenge|reprisal)\b", Options),
        new(@"\b(?:connected|related|linked|due)\s+to\s+(?:a\s+|an\s+|the\s+)?(?:recent\s+|ongoing\s+|long-?standing\s+)?(?<r>(?:\w+\s+){0,3}?(?:retaliations?|revenge|reprisals?|dispute|disputes|feud|rivalry|conflict|tensions?))\b", Options),
        new(@"\b(?<r>(?:land|border|water|grazing|property|family|business|chieftaincy|farmer-herder)\s+(?:dispute|conflict|row|feud))\b", Options),
        new(@"\b(?:demand(?:ed|ing)?|to\s+demand|calling\s+for|to\s+call\s+for)\s+(?<r>[\w\s'’-]{3,80}?)(?=\s*(?:[,.;:()\[]|$))", Options),
        new(@"\b(?:protest(?:ed|ing)?|demonstrat(?:ed|ing)|rall(?:ied|ying))\s+(?:\w+\s+){0,6}?(?:against|over)\s+(?<r>[\w\s'’-]{3,80}?)(?=\s*(?:[,.;:()\[]|$))", Options),
        new(@"\bto\s+(?:protest|denounce|condemn|oppose)\s+(?:against\s+)?(?<r>[\w\s'’-]{3,80}?)(?=\s*(?:[,.;:()\[]|$))", Options),
    ];

    /// <summary>Words after which a place is where the speaker or a casualty went, not where the incident happened.</summary>
    [GeneratedRegex(@"\b(?:treat(?:ed|ment)|(?:to|at|in)\s+(?:(?:a|the|an)\s+)?(?:\w+\s+)?hospital|hospitali[sz]ed|admitted|moved|taken|transferred|evacuated|airlifted|rushed|flown|fled|escaped|buried|funeral|returned|travel(?:l?ed)?|relocated|based|born|headquartered|lives?|lived|resident|native|hails|came|coming|headed|heading|bound|sent|deported|extradited|brought|driven)\b[^.;]{0,60}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DisplacedPlaceContext();

    /// <summary>A hash of every cue, weapon and reason pattern ("lexicon-9f8e7d6c5b"): changes whenever an entry does.</summary>
    public static string Version => LexiconVersion.Value;

    private static readonly Lazy<string> LexiconVersion = new(() =>
    {
        var patterns = Cues.Select(c => $"{c.Cue}\t{c.Pattern}").Concat(Weapons.Select(w => $"{w.Weapon}\t{w.Pattern}")).Concat(Reasons.Select(r => r.ToString()));
        var hash = System.IO.Hashing.XxHash3.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', patterns)));
        return $"lexicon-{hash:x16}"[..18];
    });
}
