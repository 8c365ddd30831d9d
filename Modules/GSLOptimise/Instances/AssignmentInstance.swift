/// A dense assignment instance as `gsl solve assignment` reads it: a cost matrix (`null` marks a
/// forbidden pair), optional row and column labels and the objective's sense. Decoding validates
/// the shape and names the JSON path of the first problem; a bare array of rows is read as `costs`.
public struct AssignmentInstance: Codable, Sendable, Equatable {
    /// The costs; an infinite entry is a forbidden pair.
    public var costs: CostMatrix
    /// Maximise the total instead of minimising it.
    public var maximise: Bool
    /// Row labels used in the result instead of positions.
    public var rows: [String]?
    /// Column labels used in the result instead of positions.
    public var columns: [String]?

    /// An instance; label lists must match the matrix.
    public init(costs: CostMatrix, maximise: Bool = false, rows: [String]? = nil, columns: [String]? = nil)
        throws(InstanceError)
    {
        if let rows, rows.count != costs.rows {
            throw InstanceError(at: "$.rows", .labelCount(count: rows.count, expected: costs.rows))
        }
        if let columns, columns.count != costs.columns {
            throw InstanceError(at: "$.columns", .labelCount(count: columns.count, expected: costs.columns))
        }
        self.costs = costs
        self.maximise = maximise
        self.rows = rows
        self.columns = columns
    }

    /// The members of an instance document other than `costs`, for readers that scan the matrix
    /// themselves (a fast JSON scan, CSV, `.npy`).
    public struct Header: Decodable, Sendable, Equatable {
        /// Maximise the total.
        public var maximise: Bool?
        /// Row labels.
        public var rows: [String]?
        /// Column labels.
        public var columns: [String]?

        /// A header; every member is optional.
        public init(maximise: Bool? = nil, rows: [String]? = nil, columns: [String]? = nil) {
            self.maximise = maximise
            self.rows = rows
            self.columns = columns
        }

        private enum CodingKeys: String, CodingKey {
            case maximise, rows, columns
        }

        /// Reads the members other than `costs`; a member the instance does not know is refused.
        public init(from decoder: any Decoder) throws {
            try InstanceKeys.check(decoder, known: ["costs", "maximise", "rows", "columns"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            maximise = try container.decodeIfPresent(Bool.self, forKey: .maximise)
            rows = try container.decodeIfPresent([String].self, forKey: .rows)
            columns = try container.decodeIfPresent([String].self, forKey: .columns)
        }
    }

    /// An instance from a matrix read elsewhere and the document's other members.
    public init(costs: CostMatrix, header: Header) throws(InstanceError) {
        try self.init(
            costs: costs, maximise: header.maximise ?? false, rows: header.rows, columns: header.columns)
    }

    private enum CodingKeys: String, CodingKey {
        case costs, maximise, rows, columns
    }

    /// Reads `{"costs": [[…]], "maximise": …, "rows": […], "columns": […]}` or a bare `[[…]]`.
    public init(from decoder: any Decoder) throws {
        let base = InstanceError.jsonPath(decoder.codingPath)
        if var bare = try? decoder.unkeyedContainer() {
            try self.init(costs: Self.decodeCosts(&bare, path: base))
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var nested = try container.nestedUnkeyedContainer(forKey: .costs)
        let costs = try Self.decodeCosts(&nested, path: base + ".costs")
        let header = try Header(from: decoder)
        do {
            try self.init(costs: costs, header: header)
        } catch {
            throw InstanceError(at: base + error.path.dropFirst(), error.cause)
        }
    }

    /// Writes the instance back in the same shape (`null` for forbidden pairs).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var outer = container.nestedUnkeyedContainer(forKey: .costs)
        for i in 0..<costs.rows {
            var row = outer.nestedUnkeyedContainer()
            for j in 0..<costs.columns {
                let value = costs[i, j]
                if value.isFinite { try row.encode(value) } else { try row.encodeNil() }
            }
        }
        if maximise { try container.encode(true, forKey: .maximise) }
        try container.encodeIfPresent(rows, forKey: .rows)
        try container.encodeIfPresent(columns, forKey: .columns)
    }

    /// Rows of numbers or `null`, all as long as row 0.
    private static func decodeCosts(_ outer: inout any UnkeyedDecodingContainer, path: String) throws
        -> CostMatrix
    {
        var values: [Double] = []
        if let count = outer.count { values.reserveCapacity(count * count) }
        var columns = -1
        var rows = 0
        while !outer.isAtEnd {
            var row = try outer.nestedUnkeyedContainer()
            var count = 0
            while !row.isAtEnd {
                if try row.decodeNil() {
                    values.append(.infinity)
                } else {
                    let value = try row.decode(Double.self)
                    guard value.isFinite else {
                        throw InstanceError(at: "\(path)[\(rows)][\(count)]", .notFinite)
                    }
                    values.append(value)
                }
                count += 1
            }
            if columns < 0 { columns = count }
            guard count == columns else {
                throw InstanceError(
                    at: "\(path)[\(rows)]", .rowLength(row: rows, count: count, expected: columns))
            }
            rows += 1
        }
        do {
            return try CostMatrix(rows: rows, columns: max(columns, 0), values: values)
        } catch {
            throw InstanceError(at: path, .rejected(error))
        }
    }

    /// Solves the instance; `maximise` (for example a command-line flag) overrides a minimising file.
    /// An instance whose forbidden pairs leave no complete assignment gives an infeasible result.
    public func solve(maximise override: Bool = false) throws(OptimiseError) -> AssignmentResult {
        let maximise = override || self.maximise
        let solution: AssignmentSolution
        do {
            solution = try LinearAssignment.solve(costs, maximise: maximise)
        } catch {
            if case .assignmentInfeasible(let matchable, let required) = error {
                return AssignmentResult(infeasible: matchable, required: required)
            }
            throw error
        }
        func rowRef(_ i: Int) -> InstanceRef { rows.map { .name($0[i]) } ?? .index(i) }
        func columnRef(_ j: Int) -> InstanceRef { columns.map { .name($0[j]) } ?? .index(j) }
        return AssignmentResult(
            status: .optimal, sense: maximise ? .maximise : .minimise, objective: solution.total,
            pairs: solution.pairs.map {
                AssignmentResult.Pair(
                    row: rowRef($0.row), column: columnRef($0.column), cost: costs[$0.row, $0.column])
            },
            rowToColumn: solution.rowToColumn, rowPotentials: solution.rowPotentials,
            columnPotentials: solution.columnPotentials)
    }
}
