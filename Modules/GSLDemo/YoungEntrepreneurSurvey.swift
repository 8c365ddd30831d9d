import GSLCore
import GSLTabular

/// The layout of a synthetic 问卷星 export.
public enum SurveySampleLayout: String, Sendable, CaseIterable {
    /// 按选项文本.
    case text
    /// 按选项序号.
    case code
}

/// A synthetic 问卷星 export of a young-generation entrepreneur survey (新生代企业家调查), in either
/// layout, deterministic for a seed. The answers carry planted structure (succession depends on
/// age, satisfaction on county and on taking part in federation activities) so that crosstabs and
/// weights have something to find. No real respondent is in it.
public enum YoungEntrepreneurSurvey {
    /// The export: header and rows of text.
    public struct Export: Sendable {
        /// Column headers.
        public var header: [String]
        /// Rows of cells.
        public var rows: [[String]]

        /// The export as CSV with a UTF-8 BOM, as 问卷星 writes it for Excel.
        public func csv() -> String {
            var text = "\u{FEFF}"
            TableRenderer.write(
                columns: header.map { Column($0) }, rows: rows.lazy.map { $0.map(Cell.text) }, format: .csv,
                options: RenderOptions()
            ) { text += $0 }
            return text
        }
    }

    enum Kind { case fill, single, multiple, matrix, rating }

    struct Question {
        let number: Int
        let text: String
        let kind: Kind
        let options: [String]
        let rows: [String]
        init(_ number: Int, _ text: String, _ kind: Kind, _ options: [String] = [], rows: [String] = []) {
            self.number = number
            self.text = text
            self.kind = kind
            self.options = options
            self.rows = rows
        }
    }

    static let satisfaction = ["很不满意", "不太满意", "一般", "比较满意", "很满意"]
    static let agreement = ["很不同意", "不太同意", "一般", "比较同意", "很同意"]
    static let importance = ["非常不重要", "不重要", "一般", "重要", "非常重要"]
    static let trend = ["明显下降", "略有下降", "持平", "略有增长", "明显增长"]
    /// The counties in the order the questionnaire lists them.
    public static let counties = ["海曙区", "江北区", "北仑区", "镇海区", "鄞州区", "奉化区", "余姚市", "慈溪市", "宁海县", "象山县"]

    static let questions: [Question] = [
        Question(1, "您的姓名：", .fill),
        Question(2, "您的手机号码：", .fill),
        Question(3, "您的企业名称：", .fill),
        Question(4, "您的年龄段：", .single, ["30岁以下", "30-35岁", "36-40岁", "41-45岁"]),
        Question(5, "您的性别：", .single, ["男", "女"]),
        Question(6, "您的学历：", .single, ["高中及以下", "大专", "本科", "硕士", "博士"]),
        Question(7, "您的企业所在区县：", .single, counties),
        Question(8, "您的企业所属行业：", .single, ["制造业", "批发和零售业", "信息技术服务业", "建筑业", "住宿和餐饮业", "其他行业"]),
        Question(9, "您的企业规模：", .single, ["大型", "中型", "小型", "微型"]),
        Question(10, "您是否已接班或计划接班家族企业：", .single, ["已接班", "计划接班", "尚未决定", "不打算接班"]),
        Question(
            11, "您企业当前的主要困难是：", .multiple,
            ["融资难", "用工难", "订单不足", "成本上升", "数字化转型难", "市场开拓难", "政策不了解", "其他"]),
        Question(
            12, "您希望工商联提供哪些服务：", .multiple,
            ["政策解读", "银企对接", "人才培训", "法律服务", "市场对接", "交流平台", "考察学习", "其他"]),
        Question(
            13, "您对宁波营商环境各方面的评价", .matrix, satisfaction,
            rows: ["政务服务", "法治环境", "要素保障", "融资环境", "人才环境", "市场环境", "创新环境", "政策落实", "涉企执法", "亲清关系"]),
        Question(
            14, "您对以下说法的认同程度", .matrix, agreement,
            rows: [
                "认同父辈创业精神", "愿意传承企业文化", "与父辈经营理念一致", "愿意承担社会责任", "有信心做大做强", "愿意参与公益", "愿意扎根宁波", "愿意参加工商联活动",
            ]),
        Question(15, "您参加工商联活动的频率：", .single, ["从不", "偶尔", "经常"]),
        Question(16, "请为工商联的服务打分（1-10分）：", .rating, (1...10).map(String.init)),
        Question(17, "您对工商联工作的建议：", .fill),
        Question(
            18, "您对以下涉企政策的了解程度", .matrix, agreement,
            rows: (1...20).map { "政策\($0)" }),
        Question(
            19, "您企业已开展的数字化工作：", .multiple,
            ["上云", "ERP", "电子商务", "智能制造", "数据中台", "工业互联网", "直播带货", "跨境电商", "数字营销", "其他"]),
        Question(
            20, "与去年相比企业经营状况", .matrix, trend,
            rows: [
                "营业收入", "利润", "订单", "用工", "投资", "研发投入", "出口", "纳税", "融资", "库存", "应收账款", "成本", "产能利用", "新产品",
                "市场份额", "品牌", "数字化", "绿色低碳", "人才引进", "员工收入",
            ]),
        Question(
            21, "以下因素对企业传承的重要程度", .matrix, importance,
            rows: [
                "家族共识", "股权安排", "接班人能力", "职业经理人", "企业文化", "社会网络", "政策支持", "金融支持", "法律服务", "教育培训", "商会平台",
                "政府关系", "行业前景", "技术创新", "国际化",
            ]),
    ]

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢")
    static let given = Array("一子浩宇思涵雨欣佳怡晓彤俊杰梓豪文博嘉懿明轩天佑诗琪若曦家乐志远伟宸奕辰昊然")
    static let words = ["甬江", "四明", "东海", "天一", "镇明", "慈城", "姚江", "北仑", "象山", "宁海", "梅山", "月湖"]
    static let trades = ["科技", "智能", "电器", "模具", "汽配", "服饰", "贸易", "新材料", "电子", "机械"]
    static let suggestions = [
        "希望多组织银企对接", "加强政策宣讲", "搭建年轻一代交流平台", "优化审批", "多组织外出考察", "加强法律服务", "(空)", "(空)", "(空)",
    ]
    static let otherTexts = ["海外市场准入", "环保审批周期长", "接班人培养", "原材料涨价", "土地指标紧张"]

    /// A respondent taken from the federation's records, so that the export links back to them:
    /// the name, phone and enterprise they answer with, and the county, size and birth year that
    /// decide their answers to 区县, 规模 and 年龄段.
    public struct KnownRespondent: Sendable, Equatable {
        /// Name, mobile phone, enterprise name.
        public var name: String, phone: String?, enterprise: String
        /// The enterprise's county (e.g. 鄞州区), if one of the questionnaire's.
        public var county: String?
        /// The enterprise's size class.
        public var size: EnterpriseSize?
        /// The person's birth year.
        public var birthYear: Int?

        /// A known respondent.
        public init(
            name: String, phone: String?, enterprise: String, county: String?, size: EnterpriseSize?,
            birthYear: Int?
        ) {
            self.name = name
            self.phone = phone
            self.enterprise = enterprise
            self.county = county
            self.size = size
            self.birthYear = birthYear
        }
    }

    /// The export of `respondents` answers in `layout` for `seed`; the first `known.count` rows
    /// answer as those people (the rest are invented and will not link).
    public static func generate(
        respondents: Int, layout: SurveySampleLayout, seed: UInt64, known: [KnownRespondent] = [],
        year: Int = 2023
    ) -> Export {
        var header = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]
        for q in questions {
            switch (q.kind, layout) {
            case (.matrix, .text): header += q.rows.map { "\(q.number)、\(q.text)—\($0)" }
            case (.matrix, .code): header += q.rows.map { "第\(q.number)题(\($0))" }
            case (.multiple, .code):
                header += q.options.map { "第\(q.number)题(\($0))" }
                header.append("\(q.number)、(其他（请补充）:)")
            default: header.append("\(q.number)、\(q.text)")
            }
        }
        var random = SeededGenerator(seed: seed)
        var rows: [[String]] = []
        rows.reserveCapacity(respondents)
        for index in 0..<respondents {
            rows.append(
                row(
                    index, layout: layout, known: index < known.count ? known[index] : nil, year: year,
                    random: &random))
        }
        return Export(header: header, rows: rows)
    }

    static func pick(_ n: Int, _ random: inout SeededGenerator) -> Int {
        Int(random.uniform() * Double(n)) % n
    }

    /// A draw from weights.
    static func draw(_ weights: [Double], _ random: inout SeededGenerator) -> Int {
        let total = weights.reduce(0, +)
        var u = random.uniform() * total
        for (i, w) in weights.enumerated() {
            u -= w
            if u < 0 { return i }
        }
        return weights.count - 1
    }

    static func row(
        _ index: Int, layout: SurveySampleLayout, known: KnownRespondent? = nil, year: Int = 2023,
        random: inout SeededGenerator
    ) -> [String] {
        let day = 6 + index * 30 / max(1, 3262)
        let second = pick(86_400, &random)
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var out = [
            String(index + 1),
            "2023/5/\(min(day, 31)) \(second / 3600):\(pad(second / 60 % 60)):\(pad(second % 60))",
            "\(60 + pick(600, &random))秒", ["微信", "手机提交", "链接"][pick(3, &random)],
            ["直接访问", "N/A"][pick(2, &random)],
            "36.23.\(pick(256, &random)).\(pick(256, &random))(浙江-宁波)",
        ]
        // Latent traits: county (skewed to the urban districts), age, activity.
        var county = draw([9, 6, 7, 5, 14, 5, 10, 11, 7, 6], &random)
        var age = draw([3, 4, 3, 2], &random)
        var size: Int?
        let activity = draw([3, 5, 2], &random)
        var name =
            String(surnames[pick(surnames.count, &random)]) + String(given[pick(given.count, &random)])
            + (pick(2, &random) == 0 ? String(given[pick(given.count, &random)]) : "")
        var phone = "13\(pick(10, &random))" + (0..<8).map { _ in String(pick(10, &random)) }.joined()
        var firm = "宁波\(words[pick(words.count, &random)])\(trades[pick(trades.count, &random)])有限公司"
        if let known {
            name = known.name
            phone = known.phone ?? ""
            firm = known.enterprise
            if let c = known.county.flatMap({ counties.firstIndex(of: $0) }) { county = c }
            if let b = known.birthYear {
                let a = year - b
                age = a < 30 ? 0 : a <= 35 ? 1 : a <= 40 ? 2 : 3
            }
            if let z = known.size { size = EnterpriseSize.allCases.firstIndex(of: z) }
        }
        let climate = Double(county % 4) * 0.25 + Double(activity) * 0.4
        for q in questions {
            func answer(_ code: Int) { out.append(layout == .code ? String(code + 1) : q.options[code]) }
            switch q.number {
            case 1: out.append(name)
            case 2: out.append(phone)
            case 3: out.append(firm)
            case 4: answer(age)
            case 7: answer(county)
            case 9: answer(size ?? pick(q.options.count, &random))
            case 10:
                // Older respondents have more often taken over already.
                answer(draw([Double(1 + age * 2), 3, 2, Double(max(0, 2 - age)) + 0.5], &random))
            case 15: answer(activity)
            case 17: out.append(suggestions[pick(suggestions.count, &random)])
            default:
                switch q.kind {
                case .single: answer(pick(q.options.count, &random))
                // The federation's service, 1–10: mostly 7–9, higher for those who attend more.
                case .rating: answer(min(9, max(0, Int(6 + climate * 2 + random.uniform() * 4 - 2))))
                case .multiple:
                    var chosen: [Int] = []
                    for k in q.options.indices
                    where random.uniform() < (k == q.options.count - 1 ? 0.06 : 0.28) {
                        chosen.append(k)
                    }
                    if chosen.isEmpty { chosen = [pick(q.options.count - 1, &random)] }
                    let other =
                        chosen.contains(q.options.count - 1)
                        ? otherTexts[pick(otherTexts.count, &random)] : nil
                    if layout == .code {
                        out += q.options.indices.map { chosen.contains($0) ? "1" : "0" }
                        out.append(other ?? "")
                    } else {
                        out.append(
                            chosen.map { $0 == q.options.count - 1 ? "其他〖\(other!)〗" : q.options[$0] }
                                .joined(separator: "┋"))
                    }
                case .matrix:
                    for _ in q.rows {
                        let base = 2.0 + climate + random.uniform() * 2.2 - 0.6
                        answer(min(4, max(0, Int(base))))
                    }
                case .fill: out.append("")
                }
            }
        }
        return out
    }
}
