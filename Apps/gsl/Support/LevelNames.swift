import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

/// Display names of levels.
enum LevelNames {
    static func industry(_ level: IndustryLevel, _ lang: Lang) -> String {
        switch level {
        case .section: lang == .zh ? "门类" : "section"
        case .division: lang == .zh ? "大类" : "division"
        case .group: lang == .zh ? "中类" : "group"
        case .class: lang == .zh ? "小类" : "class"
        }
    }

    static func division(_ level: DivisionLevel, _ lang: Lang) -> String {
        switch level {
        case .province: lang == .zh ? "省" : "province"
        case .city: lang == .zh ? "市" : "city"
        case .county: lang == .zh ? "县级" : "county"
        case .town: lang == .zh ? "乡级" : "town"
        case .village: lang == .zh ? "村级" : "village"
        }
    }
}
