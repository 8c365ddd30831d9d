/// How units are graded from their index score or rank (考核运用).
public struct GradingRule: Sendable, Equatable, Codable {
    /// `thresholds` (score ≥ bound) or `rankQuantiles` (rank fraction ≤ bound).
    public enum Kind: String, Sendable, Codable {
        /// A grade applies when the score is at least its bound.
        case thresholds
        /// A grade applies when rank/N is at most its bound (e.g. top 20 %).
        case rankQuantiles
    }

    /// One grade: label and bound; grades are listed best first.
    public struct Grade: Sendable, Equatable, Codable {
        /// Chinese label, e.g. 优秀.
        public var labelZh: String
        /// English label, e.g. Excellent.
        public var labelEn: String
        /// Minimum score (thresholds) or maximum rank fraction (rank quantiles).
        public var bound: Double

        /// A grade.
        public init(labelZh: String, labelEn: String, bound: Double) {
            self.labelZh = labelZh
            self.labelEn = labelEn
            self.bound = bound
        }
    }

    /// Which rule.
    public var kind: Kind
    /// Grades, best first.
    public var grades: [Grade]
    /// Label for units meeting no grade (e.g. 不合格).
    public var fallbackZh: String
    /// English label for units meeting no grade.
    public var fallbackEn: String

    /// A grading rule.
    public init(kind: Kind, grades: [Grade], fallbackZh: String = "不合格", fallbackEn: String = "Fail") {
        self.kind = kind
        self.grades = grades
        self.fallbackZh = fallbackZh
        self.fallbackEn = fallbackEn
    }

    /// The grade index (into `grades`, or `grades.count` for the fallback) for a score and rank among n.
    public func gradeIndex(score: Double, rank: Int, count: Int) -> Int {
        for (i, g) in grades.enumerated() {
            switch kind {
            case .thresholds: if score >= g.bound - 1e-12 { return i }
            case .rankQuantiles: if Double(rank) / Double(max(count, 1)) <= g.bound + 1e-12 { return i }
            }
        }
        return grades.count
    }

    /// The Chinese label of a grade index.
    public func label(_ index: Int) -> String { index < grades.count ? grades[index].labelZh : fallbackZh }
}
