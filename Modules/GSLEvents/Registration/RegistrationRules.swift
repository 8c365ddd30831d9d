import GSLCore

/// The rules of registration (pretix quotas and waiting list, Indico moderation): who gets a seat,
/// who waits, who moves up when a seat frees, and which changes each status allows.
public enum RegistrationRules {
    /// The status of a new registration: pending when the event is moderated; else a seat when one
    /// is free and nobody is waiting; else the waiting list.
    public static func admit(capacity: Int?, seated: Int, waiting: Int, moderated: Bool) -> RegistrationStatus
    {
        if moderated { return .pending }
        return hasSeat(capacity: capacity, seated: seated) && waiting == 0 ? .registered : .waitlisted
    }

    /// The status an approved registration takes: approved with a seat, else the waiting list.
    public static func approve(_ status: RegistrationStatus, capacity: Int?, seated: Int) throws(GSLError)
        -> RegistrationStatus
    {
        guard status == .pending else {
            throw refused(status, Message("批准", en: "approve"))
        }
        return hasSeat(capacity: capacity, seated: seated) ? .approved : .waitlisted
    }

    /// Cancelling is allowed before the event is attended: from registered, approved, waitlisted or pending.
    public static func cancel(_ status: RegistrationStatus) throws(GSLError) -> RegistrationStatus {
        switch status {
        case .registered, .approved, .waitlisted, .pending: return .cancelled
        case .cancelled, .attended, .noShow: throw refused(status, Message("取消", en: "cancel"))
        }
    }

    /// How many of the waiting list (in registration order) move up to a seat.
    public static func promotions(capacity: Int?, seated: Int, waiting: Int) -> Int {
        guard let capacity else { return waiting }
        return max(0, min(waiting, capacity - seated))
    }

    /// Whether a seat is free.
    public static func hasSeat(capacity: Int?, seated: Int) -> Bool {
        capacity.map { seated < $0 } ?? true
    }

    /// Marking no-shows after an event: registrations that held a seat and attended nothing.
    public static func isNoShow(_ status: RegistrationStatus) -> Bool {
        status == .registered || status == .approved
    }

    static func refused(_ status: RegistrationStatus, _ action: Message) -> GSLError {
        GSLError.conflict(
            "报名状态为「\(status.label.zh)」，不能\(action.zh)",
            en:
                "a registration that is \(status.label.en) cannot be \(action.en == "approve" ? "approved" : "cancelled")"
        ).because(.eventRegistrationNotAllowed)
    }
}
