import GSLCasework
import GSLCore
import GSLIndexScoring
import GSLPolicy
import GSLStore
import GSLSurveys

/// What the user can do about an error, in terms of this CLI's flags. Modules name causes, not
/// flags (the TUI and the reports have no flags); the edge adds the hint.
enum ErrorHints {
    /// The hint for `cause`, when the CLI has a flag for it.
    static func hint(for cause: GSLError.Cause?) -> Message? {
        guard let cause else { return nil }
        switch cause {
        case .ahpInconsistent: return Message("如确需使用请加 --force", en: "use --force to accept")
        case .importKeyExists:
            return Message("可用 --on-conflict skip|update", en: "use --on-conflict skip|update")
        case .chamberNameExists:
            return Message("确需同名请加 --allow-duplicate-name", en: "add --allow-duplicate-name if intended")
        case .maskedValueImported:
            return Message(
                "导出时加 --unmask，如 gsl org export --unmask",
                en: "export with --unmask, e.g. gsl org export --unmask")
        case .invalidUTF8:
            return Message(
                "若文件由 Excel/WPS 另存为 CSV，请加 --encoding gb18030",
                en: "if the file was saved as CSV by Excel/WPS, use --encoding gb18030")
        case .wideFileUnitColumnMissing:
            return Message("可用 --unit-column 指定", en: "name it with --unit-column")
        case .wideFilePeriodMissing: return Message("请用 --period 指定时期", en: "give --period")
        case .storeMissing:
            return Message(
                "请先运行 gsl init，或用 --db 指定已有文件", en: "run gsl init first, or give an existing file with --db"
            )
        case .infoLevelRequired: return Message("--level", en: "--level")
        case .infoBodyRequired: return Message("--body", en: "--body")
        case .infoLeaderRequired: return Message("--leader", en: "--leader")
        case .proposalLeadRequired: return Message("--lead", en: "--lead")
        case .weightNoiseOutOfRange: return Message("--weight-noise", en: "--weight-noise")
        case .policyRunNotFound:
            return Message("gsl policy runs 列出已保存的评估", en: "gsl policy runs lists the stored estimates")
        case .policyNotFound:
            return Message(
                "先用 gsl policy treat import 导入受惠企业，或用 --policy 指定政策",
                en: "import recipients with gsl policy treat import, or name the policy with --policy")
        case .policyUnbalancedPanel:
            return Message(
                "补齐所列企业的年份（gsl policy panel import），或用 --method twfe / event（允许缺年份）",
                en: "fill in the firms' missing years (gsl policy panel import), or use --method twfe / event"
            )
        case .policyLogitNotConverged:
            return Message(
                "减少 --covariates（协变量把两组完全分开时无法估计倾向得分）",
                en: "use fewer --covariates (they separate the groups completely)")
        case .policyTreatmentOutsidePanel:
            return Message(
                "检查受惠年份，或导入更早年份的面板（gsl policy panel import）",
                en: "check the adoption years, or import earlier panel years (gsl policy panel import)")
        case .surveysPopulationUnmatched:
            return Message(
                "在码本中给该题加“其他”选项（gsl survey codebook，改后 --codebook），或改用 --margins 边际文件",
                en:
                    "add an 其他 option to the question in the codebook (gsl survey codebook, then --codebook), or use a --margins file"
            )
        case .divisionCodeNotLoaded:
            return Message(
                "先运行 gsl ref load 或 gsl region import", en: "run gsl ref load or gsl region import first")
        case .divisionsNotLoaded: return Message("先运行 gsl ref load", en: "run gsl ref load first")
        case .frameworkNotFound:
            return Message(
                "先用 gsl index framework import 导入", en: "import it with gsl index framework import")
        case .datasetEmpty:
            return Message("先用 gsl index data import 导入", en: "import it with gsl index data import")
        case .trendNeedsFramework: return Message("--framework 与 --dataset", en: "--framework and --dataset")
        case .restoreWouldLoseChanges:
            return Message(
                "确需恢复请加 --force；可先用 gsl db backup 保存当前数据库",
                en: "use --force to restore anyway; gsl db backup saves the store first")
        default: return nil
        }
    }

    /// The one line printed for `error`: location, message and the hint.
    static func line(_ error: GSLError, _ lang: Lang) -> String {
        var text = error.rendered(lang)
        if let hint = hint(for: error.cause) {
            text += lang == .zh ? "（\(hint.zh)）" : " (\(hint.en))"
        }
        return text
    }
}
