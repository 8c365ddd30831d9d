import GSLCasework
import GSLCore
import GSLTestSupport
import Testing

@Suite struct CaseWorkflowTests {
    static let day = LocalDate(year: 2024, month: 3, day: 1)!

    /// The expected state after each allowed (state, action) pair; every pair not listed must be refused.
    static let expected: [CaseState: [CaseAction.Kind: CaseState]] = [
        .draft: [.receive: .received],
        .received: [.assign: .assigned, .reject: .rejected, .merge: .merged],
        .assigned: [.start: .inProgress, .reject: .rejected, .merge: .merged],
        .inProgress: [.pause: .pending, .answer: .answered, .merge: .merged],
        .pending: [.resume: .inProgress, .merge: .merged],
        .answered: [.evaluate: .evaluated],
        .evaluated: [.close: .closed],
        .closed: [.reopen: .inProgress],
        .rejected: [:],
        .merged: [:],
    ]

    /// A valid action of `kind` with its details.
    static func action(_ kind: CaseAction.Kind) -> CaseAction {
        switch kind {
        case .receive: .receive
        case .assign: .assign(lead: "市经信局", assisting: ["市人社局"])
        case .start: .start
        case .pause: .pause
        case .resume: .resume
        case .answer: .answer
        case .evaluate: .evaluate(Callback(contacted: true, solved: false, satisfaction: .unsatisfied))
        case .close: .close
        case .reject: .reject(reason: "不属于受理范围")
        case .merge: .merge(into: "C-2", targetState: .inProgress)
        case .reopen: .reopen
        case .note: .note
        }
    }

    @Test func aNoteKeepsEveryStateButTheDraftsAndNeedsItsText() throws {
        for state in CaseState.allCases {
            let snapshot = CaseSnapshot(id: "C-1", state: state)
            if state == .draft {
                #expect(CaseWorkflow.target(of: .note, from: state) == nil)
                #expect(throws: GSLError.self) {
                    try CaseWorkflow.apply(.note, to: snapshot, on: Self.day, actor: "张三", note: "补充")
                }
                continue
            }
            let result = try CaseWorkflow.apply(.note, to: snapshot, on: Self.day, actor: "张三", note: "企业来电")
            #expect(result.state == state && result.event.from == state && result.event.to == state)
            #expect(result.event.note == "企业来电" && result.event.action.kind == .note)
            let blank = #expect(throws: GSLError.self) {
                try CaseWorkflow.apply(.note, to: snapshot, on: Self.day, actor: "张三", note: " ")
            }
            #expect(blank?.cause == .caseActionInvalid)
            // Never in the state table: the action menus list transitions only.
            #expect(!CaseWorkflow.allowedActions(in: state).contains(.note))
        }
    }

    @Test func everyStateActionPairMatchesTheTable() throws {
        #expect(Self.expected.count == CaseState.allCases.count)
        var checked = 0
        for state in CaseState.allCases {
            // A closed case whose last callback was unsatisfied 3 days ago: the reopen window is open.
            let snapshot = CaseSnapshot(
                id: "C-1", state: state,
                lastCallback: Callback(contacted: true, solved: false, satisfaction: .unsatisfied),
                lastCallbackDate: Self.day.adding(days: -3))
            let row = Self.expected[state]!
            #expect(Set(CaseWorkflow.allowedActions(in: state)) == Set(row.keys), "state \(state)")
            // A note is outside the table (its own test above).
            for kind in CaseAction.Kind.allCases where kind != .note {
                checked += 1
                if let next = row[kind] {
                    let result = try CaseWorkflow.apply(
                        Self.action(kind), to: snapshot, on: Self.day, actor: "张三")
                    #expect(result.state == next, "\(state) + \(kind)")
                    #expect(result.event.from == state)
                    #expect(result.event.to == next)
                    #expect(result.event.actor == "张三")
                    #expect(result.event.action.kind == kind)
                } else {
                    #expect(CaseWorkflow.target(of: kind, from: state) == nil)
                    do {
                        _ = try CaseWorkflow.apply(Self.action(kind), to: snapshot, on: Self.day, actor: "张三")
                        Issue.record("\(state) + \(kind) should be refused")
                    } catch {
                        #expect(error.kind == .data)
                        #expect(error.cause == .caseActionNotAllowed)
                        for allowed in row.keys {
                            #expect(error.mentions(allowed.rawValue))
                        }
                    }
                }
            }
        }
        #expect(checked == 110)
    }

    /// The cause of the error `body` throws (nil when it throws none or an error without one).
    static func cause(_ body: () throws -> Any) -> GSLError.Cause? {
        do {
            _ = try body()
            return nil
        } catch let error as GSLError {
            return error.cause
        } catch {
            return nil
        }
    }

    @Test func refusalListsAllowedActionsInBothLanguages() {
        let snapshot = CaseSnapshot(id: "C-9", state: .received)
        do {
            _ = try CaseWorkflow.apply(.answer, to: snapshot, on: Self.day, actor: "李四")
            Issue.record("answer on a received case must be refused")
        } catch {
            #expect(error.cause == .caseActionNotAllowed)
            #expect(error.mentions("C-9"))
            // The state, the refused action and each allowed one, by their labels in each language.
            #expect(error.mentions(CaseState.received.label.zh, in: .zh))
            #expect(error.mentions(CaseState.received.label.en, in: .en))
            #expect(error.mentions(CaseAction.Kind.answer.label.zh, in: .zh))
            #expect(error.mentions(CaseAction.Kind.answer.rawValue, in: .en))
            for allowed in [CaseAction.Kind.assign, .reject, .merge] {
                #expect(error.mentions(allowed.rawValue))
                #expect(error.mentions(allowed.label.zh, in: .zh))
            }
        }
    }

    @Test func actionOnMergedCaseSaysNoneAllowed() {
        do {
            _ = try CaseWorkflow.apply(
                .start, to: CaseSnapshot(id: "C-3", state: .merged), on: Self.day, actor: "a")
            Issue.record("merged case must refuse")
        } catch {
            #expect(error.cause == .caseActionNotAllowed)
            #expect(error.mentions("C-3"))
            // A final state: nothing is allowed.
            #expect(CaseWorkflow.allowedActions(in: .merged).isEmpty)
        }
    }

    @Test func rejectNeedsAReason() {
        #expect(
            Self.cause {
                try CaseWorkflow.apply(
                    .reject(reason: "  "), to: CaseSnapshot(id: "C", state: .received),
                    on: Self.day, actor: "a")
            } == .caseActionInvalid)
    }

    @Test func mergeNeedsAnotherOpenCase() {
        let snapshot = CaseSnapshot(id: "C-1", state: .inProgress)
        #expect(
            Self.cause {
                try CaseWorkflow.apply(
                    .merge(into: "C-1", targetState: .inProgress), to: snapshot, on: Self.day, actor: "a")
            } == .caseActionInvalid)
        for closedState in [CaseState.draft, .answered, .evaluated, .closed, .rejected, .merged] {
            #expect(
                Self.cause {
                    try CaseWorkflow.apply(
                        .merge(into: "C-2", targetState: closedState), to: snapshot, on: Self.day, actor: "a")
                } == .caseActionInvalid)
        }
        let ok = try? CaseWorkflow.apply(
            .merge(into: "C-2", targetState: .pending), to: snapshot, on: Self.day, actor: "a")
        #expect(ok?.state == .merged)
    }

    @Test func reopenOnlyWithinWindowAfterUnsatisfiedCallback() throws {
        let callbackDay = LocalDate(year: 2024, month: 5, day: 6)!
        func closed(_ satisfaction: Satisfaction?, valid: Bool = true) -> CaseSnapshot {
            CaseSnapshot(
                id: "C-5", state: .closed,
                lastCallback: Callback(
                    contacted: true, solved: false, satisfaction: satisfaction, valid: valid),
                lastCallbackDate: callbackDay)
        }
        let rules = WorkflowRules(reopenWindowDays: 10)
        let last = try CaseWorkflow.apply(
            .reopen, to: closed(.unsatisfied), on: callbackDay.adding(days: 10),
            actor: "a", rules: rules)
        #expect(last.state == .inProgress)
        #expect(
            Self.cause {
                try CaseWorkflow.apply(
                    .reopen, to: closed(.unsatisfied), on: callbackDay.adding(days: 11), actor: "a",
                    rules: rules)
            } == .caseReopenRefused)
        #expect(
            Self.cause {
                try CaseWorkflow.apply(
                    .reopen, to: closed(.basicallySatisfied), on: callbackDay.adding(days: 1), actor: "a")
            } == .caseReopenRefused)
        #expect(
            Self.cause {
                try CaseWorkflow.apply(
                    .reopen, to: closed(.unsatisfied, valid: false), on: callbackDay.adding(days: 1),
                    actor: "a")
            } == .caseReopenRefused)
        #expect(
            Self.cause {
                try CaseWorkflow.apply(
                    .reopen, to: CaseSnapshot(id: "C-6", state: .closed), on: callbackDay, actor: "a")
            } == .caseReopenRefused)
    }

    @Test func availableActionsHonourTheReopenWindow() {
        let callbackDay = LocalDate(year: 2025, month: 1, day: 20)!
        let closed = CaseSnapshot(
            id: "C-8", state: .closed,
            lastCallback: Callback(contacted: true, solved: false, satisfaction: .unsatisfied),
            lastCallbackDate: callbackDay)
        #expect(CaseWorkflow.availableActions(for: closed, on: callbackDay.adding(days: 30)) == [.reopen])
        #expect(CaseWorkflow.availableActions(for: closed, on: callbackDay.adding(days: 31)).isEmpty)
        #expect(
            CaseWorkflow.availableActions(for: CaseSnapshot(id: "C-8", state: .received), on: callbackDay)
                == [.assign, .reject, .merge])
    }

    @Test func actionsCannotBeBackdated() throws {
        let snapshot = CaseSnapshot(id: "C-4", state: .received, lastEventDate: Self.day)
        do {
            _ = try CaseWorkflow.apply(
                .assign(lead: "市经信局", assisting: []), to: snapshot, on: Self.day.adding(days: -1), actor: "a")
            Issue.record("a backdated action must be refused")
        } catch {
            #expect(error.cause == .caseBackdated)
            #expect(error.mentions("C-4") && error.mentions("2024-02-29") && error.mentions("2024-03-01"))
        }
        let sameDay = try CaseWorkflow.apply(
            .assign(lead: "市经信局", assisting: []), to: snapshot, on: Self.day, actor: "a")
        #expect(snapshot.applying(sameDay.event).lastEventDate == Self.day)
    }

    @Test func timelineSummaries() throws {
        let received = CaseSnapshot(id: "C-2", state: .received)
        let assign = try CaseWorkflow.apply(
            .assign(lead: "市经信局", assisting: ["市人社局", "市税务局"]), to: received, on: Self.day, actor: "张三",
            note: "加急")
        #expect(assign.event.summary.zh == "2024-03-01 张三 交办：受理 → 交办（牵头：市经信局；协办：市人社局、市税务局） 备注：加急")
        #expect(
            assign.event.summary.en
                == "2024-03-01 张三 assign: received → assigned (lead: 市经信局; assisting: 市人社局, 市税务局) note: 加急")
        let answered = CaseSnapshot(id: "C-2", state: .answered)
        let callback = Callback(contacted: true, solved: false, satisfaction: .basicallySatisfied)
        let evaluate = try CaseWorkflow.apply(.evaluate(callback), to: answered, on: Self.day, actor: "李四")
        #expect(evaluate.event.summary.zh == "2024-03-01 李四 回访：已答复 → 已回访（联系：是；解决：否；基本满意）")
    }

    @Test func replayFollowsTheHappyPath() throws {
        var snapshot = CaseSnapshot(id: "C-7", state: .draft)
        var events: [CaseEvent] = []
        let steps: [CaseAction] = [
            .receive, .assign(lead: "市资规局", assisting: []), .start, .pause, .resume, .answer,
            .evaluate(Callback(contacted: true, solved: true, satisfaction: .satisfied)), .close,
        ]
        for (offset, step) in steps.enumerated() {
            let result = try CaseWorkflow.apply(
                step, to: snapshot, on: Self.day.adding(days: offset), actor: "王五")
            events.append(result.event)
            snapshot = snapshot.applying(result.event)
        }
        #expect(snapshot.state == .closed)
        #expect(snapshot.lastCallback?.satisfaction == .satisfied)
        #expect(snapshot.lastCallbackDate == Self.day.adding(days: 6))
        #expect(CaseSnapshot.replay(id: "C-7", events: events) == snapshot)
    }

    @Test func labelsAndParsing() throws {
        #expect(CaseState.inProgress.label.zh == "办理中")
        #expect(CaseState.inProgress.rawValue == "in_progress")
        #expect(try CaseState.parse("待反馈") == .pending)
        #expect(try CaseState.parse("in_progress") == .inProgress)
        #expect(CaseAction.Kind.merge.label == Message("并案", en: "merge"))
        #expect(throws: GSLError.self) { try CaseState.parse("done") }
        #expect(CaseState.allCases.filter(\.isOpen) == [.received, .assigned, .inProgress, .pending])
    }
}
