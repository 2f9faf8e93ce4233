using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Outcomes;

/// <summary>The instruments the clinic ships (clinical-reference §5). EQ-5D and WOMAC are licensed and deliberately absent.</summary>
public static class Instruments
{
    public const string PainNrsId = "nrs";
    public const string OswestryId = "odi";
    public const string KoosJrId = "koos-jr";
    public const string HoosJrId = "hoos-jr";
    public const string HarrisHipId = "harris-hip";
    public const string PgicId = "pgic";

    /// <summary>Pain numeric rating scale 0–10, one item; 0 = no pain.</summary>
    public static Instrument PainNrs { get; } = new(
        PainNrsId,
        "Pain numeric rating scale (0–10)",
        [new LoincCode("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")],
        [InstrumentItem.Range(1, "pain-intensity", "Pain intensity, 0 = no pain, 10 = worst imaginable pain", 0, 10)],
        ItemTextShipped: true,
        "Free to use.",
        HigherIsBetter: false,
        new ScoreRange(0, 10),
        new MeaningfulChange(2, 0.30, "Farrar JT et al., Pain 2001;94:149-158: reduction of ≥ 2 points or ≥ 30 % (clinical-reference §5)"),
        Respondent.Patient,
        "Single item; the score is the answer (clinical-reference §5).");

    /// <summary>Oswestry Disability Index: 10 sections scored 0–5. The wording is © Fairbank and licensed through Mapi
    /// Research Trust, so only the structure and scoring are shipped.</summary>
    public static Instrument Oswestry { get; } = new(
        OswestryId,
        "Oswestry Disability Index",
        [new LoincCode("97908-8", "Oswestry Disability Index panel"), new LoincCode("97909-6", "Oswestry Disability Index score")],
        Enumerable.Range(1, 10).Select(n => InstrumentItem.Range(n, $"section-{n}", null, 0, 5)).ToArray(),
        ItemTextShipped: false,
        "Oswestry Disability Index © Jeremy Fairbank; distributed under licence by Mapi Research Trust (eprovide.mapi-trust.org). " +
        "RegenClinic ships only the scoring. A clinic that holds a licence may load the item text from its own licensed copy.",
        HigherIsBetter: false,
        new ScoreRange(0, 100),
        new MeaningfulChange(10, null, "Clinical-reference §5: about 10 points (Ostelo RW et al., Spine 2008;33:90-94)"),
        Respondent.Patient,
        "Fairbank JCT, Pynsent PB, Spine 2000;25:2940-2953: % = sum ÷ (5 × sections answered) × 100 " +
        "(16 of 50 → 32 %; one section missing, 16 of 45 → 35.6 %).");

    /// <summary>KOOS JR: 7 items 0–4 (none … extreme), raw sum 0–28 converted to the 0–100 interval score (100 = perfect knee health).</summary>
    public static Instrument KoosJr { get; } = new(
        KoosJrId,
        "Knee injury and Osteoarthritis Outcome Score for Joint Replacement (KOOS JR)",
        [],
        new[] { "stiffness-morning", "pain-twisting-pivoting", "pain-straightening-fully", "pain-stairs", "pain-standing-upright",
                "function-rising-from-sitting", "function-bending-to-floor" }
            .Select((key, i) => InstrumentItem.Range(i + 1, key, null, 0, 4)).ToArray(),
        ItemTextShipped: false,
        "KOOS JR © Hospital for Special Surgery; free to use unaltered. Item wording is taken from the official HSS form, not bundled here.",
        HigherIsBetter: true,
        new ScoreRange(0, 100),
        null,
        Respondent.Patient,
        "Lyman S et al., Clin Orthop Relat Res 2016;474(6):1461-1471; HSS KOOS JR scoring instructions (raw sum → interval score table).");

    /// <summary>HOOS JR: 6 items 0–4, raw sum 0–24 converted to a 0–100 interval score.</summary>
    public static Instrument HoosJr { get; } = new(
        HoosJrId,
        "Hip disability and Osteoarthritis Outcome Score for Joint Replacement (HOOS JR)",
        [],
        new[] { "pain-stairs", "pain-walking-uneven-surface", "function-rising-from-sitting", "function-bending-to-floor",
                "function-lying-in-bed", "function-sitting" }
            .Select((key, i) => InstrumentItem.Range(i + 1, key, null, 0, 4)).ToArray(),
        ItemTextShipped: false,
        "HOOS JR © Hospital for Special Surgery; free to use unaltered. Item wording is taken from the official HSS form, not bundled here.",
        HigherIsBetter: true,
        new ScoreRange(0, 100),
        null,
        Respondent.Patient,
        "Lyman S et al., Clin Orthop Relat Res 2016;474(6):1472-1482; HSS HOOS JR scoring instructions (raw sum → interval score table).");

    /// <summary>Harris Hip answer order (points per level, Harris 1969):
    /// 1 pain 44/40/30/20/10/0; 2 limp 11/8/5/0; 3 support 11/7/5/3/2/0; 4 distance walked 11/8/5/2/0;
    /// 5 stairs 4/2/1/0; 6 shoes and socks 4/2/0; 7 sitting 5/3/0; 8 public transport 1/0;
    /// 9 absence of deformity 4 (all four criteria met) or 0; 10 range of motion points 0–5 (from the summed arc of motion).</summary>
    public static IReadOnlyList<InstrumentItem> HarrisHipItems { get; } =
    [
        new(1, "pain", "Pain: none 44, slight 40, mild 30, moderate 20, marked 10, totally disabled 0", [0, 10, 20, 30, 40, 44]),
        new(2, "limp", "Limp: none 11, slight 8, moderate 5, severe 0", [0, 5, 8, 11]),
        new(3, "support", "Support: none 11, cane for long walks 7, cane most of the time 5, one crutch 3, two canes 2, two crutches or unable to walk 0", [0, 2, 3, 5, 7, 11]),
        new(4, "distance-walked", "Distance walked: unlimited 11, six blocks 8, two or three blocks 5, indoors only 2, bed and chair only 0", [0, 2, 5, 8, 11]),
        new(5, "stairs", "Stairs: normally without railing 4, normally with railing 2, in any manner 1, unable 0", [0, 1, 2, 4]),
        new(6, "shoes-and-socks", "Putting on shoes and socks: with ease 4, with difficulty 2, unable 0", [0, 2, 4]),
        new(7, "sitting", "Sitting: comfortably in an ordinary chair for one hour 5, on a high chair for 30 minutes 3, unable to sit comfortably 0", [0, 3, 5]),
        new(8, "public-transport", "Enter public transportation: yes 1, no 0", [0, 1]),
        new(9, "absence-of-deformity", "Absence of deformity (fixed flexion < 30°, fixed adduction < 10°, fixed internal rotation in extension < 10°, limb-length discrepancy < 3.2 cm): all met 4, otherwise 0", [0, 4]),
        new(10, "range-of-motion", "Range of motion points from the summed arc (flexion, abduction, adduction, external and internal rotation): 211–300° 5, 161–210° 4, 101–160° 3, 61–100° 2, 31–60° 1, 0–30° 0", [0, 1, 2, 3, 4, 5]),
    ];

    /// <summary>Harris Hip Score, completed by the clinician: pain 44, function 47, absence of deformity 4, range of motion 5.
    /// Answers are the points of the chosen level, in the order documented on <see cref="HarrisHipItems"/>.</summary>
    public static Instrument HarrisHip { get; } = new(
        HarrisHipId,
        "Harris Hip Score",
        [],
        HarrisHipItems,
        ItemTextShipped: true,
        "Public domain (Harris WH, J Bone Joint Surg Am 1969;51:737-755).",
        HigherIsBetter: true,
        new ScoreRange(0, 100),
        null,
        Respondent.Clinician,
        "Harris WH, J Bone Joint Surg Am 1969;51:737-755: sum of the section points; ≥ 90 excellent, 80–89 good, 70–79 fair, < 70 poor.");

    /// <summary>Patient Global Impression of Change, 7 points: 1 very much improved … 4 no change … 7 very much worse
    /// (the form used by Farrar 2001). The score is the answer; lower is better.</summary>
    public static Instrument Pgic { get; } = new(
        PgicId,
        "Patient Global Impression of Change",
        [],
        [new InstrumentItem(1, "global-change",
            "Since the start of treatment, how would you describe the change in your condition? " +
            "1 very much improved, 2 much improved, 3 minimally improved, 4 no change, 5 minimally worse, 6 much worse, 7 very much worse",
            [1, 2, 3, 4, 5, 6, 7])],
        ItemTextShipped: true,
        "Free to use.",
        HigherIsBetter: false,
        new ScoreRange(1, 7),
        null,
        Respondent.Patient,
        "Farrar JT et al., Pain 2001;94:149-158 (7-point PGIC, 'much' or 'very much improved' = clinically important).");

    public static IReadOnlyList<Instrument> All { get; } = [PainNrs, Oswestry, KoosJr, HoosJr, HarrisHip, Pgic];

    public static Instrument? Find(string id) =>
        All.FirstOrDefault(i => string.Equals(i.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    public static Instrument Get(string id) =>
        Find(id) ?? throw new DomainException("outcomes.unknown-instrument",
            $"Unknown instrument '{id}'. Known: {string.Join(", ", All.Select(i => i.Id))}.", "instrument");
}
