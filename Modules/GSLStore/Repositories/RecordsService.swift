import GSLCore
import GSLTabular

/// One page of a list, and whether rows past it exist.
public struct ListPage<Row: Sendable>: Sendable {
    /// The rows shown.
    public let rows: [Row]
    /// How many rows were skipped before the page.
    public let offset: Int
    /// Set when rows past the page exist; nil when the page runs to the end.
    public let cut: ListCut?

    /// A page of `rows` after `offset`, cut short when `cut` is set.
    public init(rows: [Row], offset: Int, cut: ListCut?) {
        self.rows = rows
        self.offset = offset
        self.cut = cut
    }
}

/// What is known about the rows past a page.
public struct ListCut: Sendable, Equatable {
    /// Every matching row, when counted.
    public let total: Int?
    /// A lower bound when the count stopped there (a large list is not counted to the end).
    public let moreThan: Int?

    /// A cut with the total, or a bound it exceeds; both nil when not counted.
    public init(total: Int?, moreThan: Int?) {
        self.total = total
        self.moreThan = moreThan
    }
}

/// An organisation with every membership it holds (ended ones too).
public struct OrganisationView: Sendable {
    /// The organisation.
    public let organisation: Organisation
    /// Its memberships of chambers.
    public let memberships: [Membership]
}

/// A person with every membership they hold (ended ones too).
public struct PersonView: Sendable {
    /// The person.
    public let person: Person
    /// Their memberships of chambers.
    public let memberships: [Membership]
    /// The name of the organisation they work for, when one is recorded.
    public let organisationName: String?
}

/// A division with its path from the top and how many divisions lie directly below it.
public struct RegionView: Sendable {
    /// From the top division down to this one.
    public let path: [Region]
    /// Direct subdivisions.
    public let children: Int
}

/// The core records (organisations, people, memberships, divisions, search, status) as the
/// commands use them: what each `gsl org|person|member|region|search|status|ref load` command does
/// is one call here, so that the CLI, the TUI, the annual report and the demo generator do the
/// same thing. Showing personal data unmasked records a disclosure in the audit log inside the
/// same call.
public struct RecordsService: Sendable {
    /// The store.
    public let store: Store
    /// Organisations.
    public let organisations: OrganisationRepository
    /// People.
    public let people: PersonRepository
    /// Chamber memberships.
    public let memberships: MembershipRepository
    /// Administrative divisions.
    public let regions: RegionRepository

    /// The service over `store`.
    public init(store: Store) {
        self.store = store
        organisations = OrganisationRepository(store: store)
        people = PersonRepository(store: store)
        memberships = MembershipRepository(store: store)
        regions = RegionRepository(store: store)
    }

    /// How far a list of organisations is counted past a page before the notice says "more than".
    public static let countBound = 10_000

    /// Division files shipped in `Datasets/reference/divisions`, loaded top down.
    public static let referenceDivisionFiles = [
        "ningbo_city.csv", "ningbo_counties.csv", "ningbo_towns.csv", "ningbo_villages.csv",
    ]

    // MARK: - Organisations

    /// Adds one organisation; a chamber's name must be new unless `allowDuplicateChamberName`.
    public func addOrganisation(
        _ draft: OrganisationDraft, allowDuplicateChamberName: Bool, context: MutationContext
    ) throws(GSLError) -> Organisation {
        try organisations.add(draft, context: context, allowDuplicateChamberName: allowDuplicateChamberName)
    }

    /// Imports organisations from a file in one transaction; rows without a kind get `defaultKind`.
    public func importOrganisations(
        _ options: ImportOptions, defaultKind: OrganisationKind?, context: MutationContext
    ) throws(GSLError) -> ImportReport {
        try organisations.importFile(options, defaultKind: defaultKind, context: context)
    }

    /// The filter with the chamber reference (id or name) resolved.
    func resolved(_ filter: OrganisationFilter, chamber: String?) throws(GSLError) -> OrganisationFilter {
        var filter = filter
        if let chamber { filter.chamberID = try organisations.get(chamber, kind: .chamber).id }
        return filter
    }

    /// A page of organisations matching `filter` (and current members of `chamber`, a reference);
    /// all of them when `limit` is nil. A full page is followed by a count up to `countBound`
    /// past it. With `unmask`, the disclosure is recorded.
    public func organisationPage(
        _ filter: OrganisationFilter, chamber: String?, limit: Int?, offset: Int, unmask: Bool,
        context: MutationContext
    ) throws(GSLError) -> ListPage<Organisation> {
        let filter = try resolved(filter, chamber: chamber)
        let rows = try organisations.list(filter, limit: limit, offset: offset)
        var cut: ListCut?
        if let limit, rows.count == limit {
            // Counted up to a bound: past it the notice says "more than N" (a full count of a
            // large region would cost more than the page).
            let bound = offset + limit + Self.countBound
            let total = try organisations.count(filter, atMost: bound + 1)
            if total > offset + limit {
                cut = ListCut(total: total > bound ? nil : total, moreThan: total > bound ? bound : nil)
            }
        }
        if unmask { try disclose("organisation:*", rows: rows.count, context) }
        return ListPage(rows: rows, offset: offset, cut: cut)
    }

    /// One organisation (id, USCC or name) with its memberships; with `unmask`, the disclosure is
    /// recorded.
    public func organisation(_ ref: String, unmask: Bool, context: MutationContext) throws(GSLError)
        -> OrganisationView
    {
        let org = try organisations.get(ref)
        let held = try memberships.list(
            chamber: nil, member: String(org.id), memberIsPerson: false, includeEnded: true)
        if unmask { try disclose("organisation:\(org.id)", rows: nil, context) }
        return OrganisationView(organisation: org, memberships: held)
    }

    /// Changes fields of one organisation (import field keys to text; nil or "" clears).
    public func editOrganisation(
        _ ref: String, changes: [String: String?], expectedVersion: Int64?, context: MutationContext
    ) throws(GSLError) -> Organisation {
        try organisations.edit(ref, changes: changes, expectedVersion: expectedVersion, context: context)
    }

    /// Every organisation matching `filter` (and current members of `chamber`), handed to `body`
    /// one at a time; with `unmask`, the disclosure of all of them is recorded afterwards. Returns
    /// how many there were.
    @discardableResult
    public func exportOrganisations(
        _ filter: OrganisationFilter, chamber: String?, unmask: Bool, context: MutationContext,
        _ body: (Organisation) -> Void
    ) throws(GSLError) -> Int {
        let filter = try resolved(filter, chamber: chamber)
        var count = 0
        try organisations.forEach(filter) {
            body($0)
            count += 1
        }
        if unmask { try disclose("organisation:*", rows: count, context) }
        return count
    }

    // MARK: - People

    /// Adds one person.
    public func addPerson(_ draft: PersonDraft, context: MutationContext) throws(GSLError) -> Person {
        try people.add(draft, context: context)
    }

    /// Imports people from a file in one transaction; rows without a kind get `defaultKind`.
    public func importPeople(_ options: ImportOptions, defaultKind: PersonKind?, context: MutationContext)
        throws(GSLError) -> ImportReport
    {
        try people.importFile(options, defaultKind: defaultKind, context: context)
    }

    /// A page of people matching `filter`; all of them when `limit` is nil. Whether more exist is
    /// known without counting them. With `unmask`, the disclosure is recorded.
    public func personPage(
        _ filter: PersonFilter, limit: Int?, offset: Int, unmask: Bool, context: MutationContext
    ) throws(GSLError) -> ListPage<Person> {
        var rows = try people.list(filter, limit: limit.map { $0 + 1 }, offset: offset)
        var cut: ListCut?
        if let limit, rows.count > limit {
            rows.removeLast()
            cut = ListCut(total: nil, moreThan: nil)
        }
        if unmask { try disclose("person:*", rows: rows.count, context) }
        return ListPage(rows: rows, offset: offset, cut: cut)
    }

    /// One person (id or name) with their memberships; with `unmask`, the disclosure is recorded.
    public func person(_ ref: String, unmask: Bool, context: MutationContext) throws(GSLError) -> PersonView {
        let person = try people.get(ref)
        let held = try memberships.list(
            chamber: nil, member: String(person.id), memberIsPerson: true, includeEnded: true)
        if unmask { try disclose("person:\(person.id)", rows: nil, context) }
        let organisation = try person.organisationID.map { id throws(GSLError) in
            try organisations.get(String(id)).name
        }
        return PersonView(person: person, memberships: held, organisationName: organisation)
    }

    /// Changes fields of one person (import field keys to text; nil or "" clears).
    public func editPerson(
        _ ref: String, changes: [String: String?], expectedVersion: Int64?, context: MutationContext
    ) throws(GSLError) -> Person {
        try people.edit(ref, changes: changes, expectedVersion: expectedVersion, context: context)
    }

    /// Every person matching `filter`; with `unmask`, the disclosure is recorded.
    public func exportPeople(_ filter: PersonFilter, unmask: Bool, context: MutationContext) throws(GSLError)
        -> [Person]
    {
        let rows = try people.list(filter)
        if unmask { try disclose("person:*", rows: rows.count, context) }
        return rows
    }

    // MARK: - Memberships

    /// Adds `member` (an organisation, or a person when `isPerson`) to `chamber`.
    public func addMembership(
        chamber: String, member: String, isPerson: Bool, role: String?, start: LocalDate?, note: String?,
        context: MutationContext
    ) throws(GSLError) -> Membership {
        try memberships.add(
            chamber: chamber, member: member, isPerson: isPerson, role: role, start: start, note: note,
            context: context)
    }

    /// Memberships of `chamber` and/or held by `member`; current ones unless `includeEnded`.
    public func membershipList(chamber: String?, member: String?, memberIsPerson: Bool, includeEnded: Bool)
        throws(GSLError) -> [Membership]
    {
        try memberships.list(
            chamber: chamber, member: member, memberIsPerson: memberIsPerson, includeEnded: includeEnded)
    }

    /// Ends a membership on `date`.
    public func endMembership(id: Int64, on date: LocalDate?, context: MutationContext) throws(GSLError)
        -> Membership
    {
        try memberships.end(id: id, on: date, context: context)
    }

    // MARK: - Divisions

    /// Imports division files in one transaction.
    public func importRegions(_ files: [ImportOptions], context: MutationContext) throws(GSLError)
        -> ImportReport
    {
        try regions.importFiles(files, context: context)
    }

    /// Loads the shipped division files from the reference folder `root` (validates only when
    /// `dryRun`).
    public func loadReferenceDivisions(root: String, dryRun: Bool, context: MutationContext)
        throws(GSLError) -> ImportReport
    {
        let files = Self.referenceDivisionFiles.map {
            ImportOptions(path: "\(root)/divisions/\($0)", format: .csv, dryRun: dryRun)
        }
        return try regions.importFiles(files, context: context)
    }

    /// Divisions under `parent` (code or name), at `level`.
    public func regionList(parent: String?, level: DivisionLevel?, limit: Int?) throws(GSLError) -> [Region] {
        try regions.list(parent: parent, level: level, limit: limit)
    }

    /// One division (code or name) with its path and direct subdivisions.
    public func region(_ ref: String) throws(GSLError) -> RegionView {
        let (path, children) = try regions.path(ref)
        return RegionView(path: path, children: children)
    }

    // MARK: - Search and status

    /// Full-text search over every entity (or one, by `entity`).
    public func search(_ text: String, entity: String?, limit: Int) throws(GSLError) -> [SearchHit] {
        try SearchRepository(store: store).search(text, entity: entity, limit: limit)
    }

    /// Counts per table, schema version, file and size.
    public func status() throws(GSLError) -> StoreStatus {
        try MaintenanceRepository(store: store).status()
    }

    /// Records that `subject` was shown unmasked.
    func disclose(_ subject: String, rows: Int?, _ context: MutationContext) throws(GSLError) {
        try AuditRepository(store: store).recordDisclosure(context, subject: subject, rows: rows)
    }
}
