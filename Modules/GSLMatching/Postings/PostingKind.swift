import GSLCore

/// What a posting asks for or offers; 融通 (product, service, project), 银企 (credit), 校企 (talent, training).
public enum PostingKind: String, Sendable, Hashable, Codable, CaseIterable, MatchingLabelled {
    /// 产品: goods bought or sold between large and small firms.
    case product
    /// 服务: services (logistics, testing, design …).
    case service
    /// 项目: a project with a partner (大中小企业融通).
    case project
    /// 信贷: a financing request or a bank's credit product (银企).
    case credit
    /// 人才: positions and graduates (校企).
    case talent
    /// 培训: training and customised classes (定制班).
    case training

    /// The name in both languages.
    public var label: Message {
        switch self {
        case .product: Message("产品", en: "product")
        case .service: Message("服务", en: "service")
        case .project: Message("项目", en: "project")
        case .credit: Message("信贷", en: "credit")
        case .talent: Message("人才", en: "talent")
        case .training: Message("培训", en: "training")
        }
    }
}
