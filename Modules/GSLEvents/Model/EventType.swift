import GSLCore

/// What kind of event: the federation's own words for its activities.
public enum EventType: String, Sendable, Hashable, Codable, CaseIterable {
    /// 讲堂: a lecture or report session (甬商大讲堂).
    case lecture
    /// 思享会: a salon (亲清思享会).
    case salon
    /// 培训: a training.
    case training
    /// 研讨: a seminar.
    case seminar
    /// 座谈会: a forum.
    case forum
    /// 考察: a study tour.
    case tour
    /// 恳谈会: a government–business dialogue.
    case dialogue
    /// 展会: an exhibition or fair.
    case exhibition
    /// 现场会: an on-site meeting.
    case onsite = "on_site"
    /// 其他.
    case other

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .lecture: Message("讲堂", en: "lecture")
        case .salon: Message("思享会", en: "salon")
        case .training: Message("培训", en: "training")
        case .seminar: Message("研讨", en: "seminar")
        case .forum: Message("座谈会", en: "forum")
        case .tour: Message("考察", en: "study tour")
        case .dialogue: Message("恳谈会", en: "dialogue")
        case .exhibition: Message("展会", en: "exhibition")
        case .onsite: Message("现场会", en: "on-site meeting")
        case .other: Message("其他", en: "other")
        }
    }

    /// The type whose code, Chinese or English name is `text` (培训班 and 讲座 read as their type).
    public static func parse(_ text: String) throws(GSLError) -> EventType {
        try EventsEnum.parse(text, allCases, what: Message("活动类型", en: "event type")) { $0.label }
    }
}

/// Reading enumerations from what users type.
enum EventsEnum {
    /// The case whose raw value, Chinese or English label matches `text` (case-insensitive;
    /// spaces, `-` and `_` ignored), else an error listing the known values.
    static func parse<E: RawRepresentable & CaseIterable>(
        _ text: String, _ cases: E.AllCases, what: Message, label: (E) -> Message
    ) throws(GSLError) -> E where E.RawValue == String {
        func key(_ s: String) -> String {
            String(
                s.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" }.map(
                    Character.init))
        }
        let wanted = key(TextNormaliser.halfWidth(text.trimmingCharacters(in: .whitespaces)))
        for c in cases where key(c.rawValue) == wanted || key(label(c).en) == wanted || label(c).zh == wanted
        {
            return c
        }
        // A Chinese name with a common suffix (培训班 → 培训, 大讲堂 → 讲堂).
        for c in cases where !label(c).zh.isEmpty && wanted.contains(label(c).zh) {
            return c
        }
        throw GSLError.data(
            "未知的\(what.zh)「\(text)」；可用：\(cases.map { label($0).zh }.joined(separator: "、"))",
            en: "unknown \(what.en) '\(text)'; known: \(cases.map(\.rawValue).joined(separator: ", "))"
        ).because(.eventUnknownValue)
    }
}
