import GSLCore

extension CaseEvent {
    /// One timeline line in both languages: date, actor, action, state change, details and note.
    public var summary: Message {
        if action == .note {
            return Message("\(date) \(actor) 备注：\(note ?? "")", en: "\(date) \(actor) note: \(note ?? "")")
        }
        var zh = "\(date) \(actor) \(action.kind.label.zh)：\(from.label.zh) → \(to.label.zh)"
        var en = "\(date) \(actor) \(action.kind.label.en): \(from.label.en) → \(to.label.en)"
        switch action {
        case .assign(let lead, let assisting):
            zh += "（牵头：\(lead)"
            en += " (lead: \(lead)"
            if !assisting.isEmpty {
                zh += "；协办：\(assisting.joined(separator: "、"))"
                en += "; assisting: \(assisting.joined(separator: ", "))"
            }
            zh += "）"
            en += ")"
        case .evaluate(let callback):
            let yes = Message("是", en: "yes")
            let no = Message("否", en: "no")
            let rating = callback.satisfaction?.label ?? Message("未评价", en: "no rating")
            zh +=
                "（联系：\((callback.contacted ? yes : no).zh)；解决：\((callback.solved ? yes : no).zh)；\(rating.zh)"
            en +=
                " (contacted: \((callback.contacted ? yes : no).en); solved: \((callback.solved ? yes : no).en); \(rating.en)"
            if !callback.valid {
                zh += "；无效回访"
                en += "; invalid"
            }
            zh += "）"
            en += ")"
        case .reject(let reason):
            zh += "（理由：\(reason)）"
            en += " (reason: \(reason))"
        case .merge(let target, _):
            zh += "（并入 \(target)）"
            en += " (into \(target))"
        case .receive, .start, .pause, .resume, .answer, .close, .reopen, .note:
            break
        }
        if let note, !note.isEmpty {
            zh += " 备注：\(note)"
            en += " note: \(note)"
        }
        return Message(zh, en: en)
    }
}
