import GSLCaseworkStore
import GSLCore
import GSLDemo
import GSLEventsStore
import GSLIndexScoringStore
import GSLMatchingStore
import GSLPairingStore
import GSLStore

/// Generates a federation year through the modules' services — the same calls the CLI makes, so
/// every record passes the same checks and lands in the audit log — in one transaction: an
/// interrupted generation leaves no trace. The same seed, year, scale and plan give the same
/// database content (audit times included: they are the year's last day, not the clock).
public struct YearGenerator {
    /// What to generate.
    public struct Options: Sendable {
        public var year: Int
        public var seed: UInt64
        public var scale: Double
        public var plan: YearPlan
        /// The index framework file's text and path (the plan names it; the app reads it).
        public var frameworkPath: String
        public var actor: String

        public init(
            year: Int, seed: UInt64, scale: Double, plan: YearPlan, frameworkPath: String, actor: String
        ) {
            self.year = year
            self.seed = seed
            self.scale = scale
            self.plan = plan
            self.frameworkPath = frameworkPath
            self.actor = actor
        }
    }

    /// What was written, by kind.
    public struct Summary: Sendable {
        public var counts: [(key: String, label: Message, count: Int)] = []

        mutating func add(_ key: String, _ label: Message, _ count: Int) {
            counts.append((key, label, count))
        }
    }

    let store: Store
    let records: RecordsService
    let cases: CaseService
    let visits: VisitService
    let info: InfoService
    let proposals: ProposalService
    let events: EventService
    let matching: MatchService
    let pairing: PairService
    let index: IndexService

    /// A generator writing into `store`.
    public init(store: Store) throws(GSLError) {
        self.store = store
        records = RecordsService(store: store)
        cases = try CaseService(store: store)
        visits = VisitService(store: store)
        info = InfoService(store: store)
        proposals = ProposalService(store: store)
        events = EventService(store: store)
        matching = try MatchService(store: store)
        pairing = PairService(store: store)
        index = IndexService(store: store)
    }

    /// Generates the year; `progress` hears of each phase as it starts (name, phase, phases).
    public func generate(_ options: Options, progress: ((Message, Int, Int) -> Void)? = nil) throws(GSLError)
        -> Summary
    {
        let plan = options.plan.scaled(options.scale)
        let scaleText = Markup.fixed(options.scale, options.scale == options.scale.rounded() ? 0 : 3)
        let context = MutationContext(
            actor: options.actor,
            command: "demo generate --year \(options.year) --seed \(options.seed) --scale \(scaleText)",
            at: "\(options.year)-12-31T10:00:00Z")
        var run = YearRun(
            generator: self, plan: plan, year: options.year, context: context,
            dice: Dice(seed: options.seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(options.year)))
        let phases: [(Message, (inout YearRun) throws(GSLError) -> Void)] = [
            (
                Message("商会与会员企业", en: "chambers and member enterprises"),
                { (r: inout YearRun) throws(GSLError) in try r.base(seed: options.seed) }
            ),
            (
                Message("走访与诉求", en: "visits and requests"),
                { (r: inout YearRun) throws(GSLError) in try r.casework() }
            ),
            (
                Message("信息与提案", en: "information reports and proposals"),
                { (r: inout YearRun) throws(GSLError) in try r.reportsAndProposals() }
            ),
            (Message("活动", en: "events"), { (r: inout YearRun) throws(GSLError) in try r.eventsOfYear() }),
            (
                Message("对接", en: "matching"),
                { (r: inout YearRun) throws(GSLError) in try r.matchingOfYear() }
            ),
            (
                Message("商会联村", en: "pairing"),
                { (r: inout YearRun) throws(GSLError) in try r.pairingOfYear() }
            ),
            (
                Message("指数数据", en: "index data"),
                { (r: inout YearRun) throws(GSLError) in
                    try r.indexData(path: options.frameworkPath, seed: options.seed)
                }
            ),
        ]
        // A stress year (×10, ×100) is millions of writes in one transaction: it runs with a
        // rollback journal, whose spilled pages are read back without searching a growing WAL.
        try store.batch(rollbackJournal: options.scale > 1) { () throws(GSLError) in
            for (i, phase) in phases.enumerated() {
                progress?(phase.0, i, phases.count)
                try phase.1(&run)
            }
        }
        progress?(Message("完成", en: "done"), phases.count, phases.count)
        return run.summary
    }
}

/// One generation in progress: the plan, the dice and what earlier phases made.
struct YearRun {
    let generator: YearGenerator
    let plan: YearPlan
    let year: Int
    let context: MutationContext
    var dice: Dice
    var summary = YearGenerator.Summary()

    /// Enterprise ids (all member enterprises of the store).
    var enterprises: [Int64] = []
    /// People ids of entrepreneurs, and the enterprise each works for.
    var people: [Int64] = []
    /// Chamber ids (direct first).
    var chambers: [Int64] = []
    /// Town codes of Ningbo.
    var towns: [Region] = []
    /// Banks and schools.
    var banks: [Int64] = []
    var schools: [Int64] = []

    init(generator: YearGenerator, plan: YearPlan, year: Int, context: MutationContext, dice: Dice) {
        self.generator = generator
        self.plan = plan
        self.year = year
        self.context = context
        self.dice = dice
    }

    var firstDay: LocalDate { LocalDate(year: year, month: 1, day: 1)! }
    var lastDay: LocalDate { LocalDate(year: year, month: 12, day: 31)! }

    func day(_ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: min(day, LocalDate.daysIn(month: month, year: year)))!
    }
}
