/// A scorecard's figures as the report shows them (computed by the index engine in the store).
public struct ScorecardSummary: Sendable, Equatable, Codable {
    /// One node: code, name, depth (0 = total), score (0–100), weight in its parent.
    public struct Node: Sendable, Equatable, Codable {
        /// Code, Chinese name, depth.
        public var code: String, name: String, depth: Int
        /// Score 0–100 and the weight within the parent.
        public var score: Double, weight: Double
        /// The raw input value of an indicator (nil for groups).
        public var input: Double?

        /// A node.
        public init(code: String, name: String, depth: Int, score: Double, weight: Double, input: Double?) {
            self.code = code
            self.name = name
            self.depth = depth
            self.score = score
            self.weight = weight
            self.input = input
        }
    }

    /// The scorecard's number, the framework (`id@version`, title), total score and grade.
    public var id: Int64, framework: String, title: String, score: Double, grade: String?
    /// The nodes in framework order.
    public var nodes: [Node]
    /// Where 服务对象满意度 came from when not typed in (a survey question and how it was scored).
    public var satisfactionSource: String?

    /// A summary.
    public init(id: Int64, framework: String, title: String, score: Double, grade: String?, nodes: [Node]) {
        self.id = id
        self.framework = framework
        self.title = title
        self.score = score
        self.grade = grade
        self.nodes = nodes
    }
}
