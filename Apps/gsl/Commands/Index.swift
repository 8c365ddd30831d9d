import ArgumentParser
import GSLCore
import GSLIndexScoring
import GSLIndexScoringStore

extension NormaliseMethod: LenientArgument {}
extension AggregationMethod: LenientArgument {}
extension WeightMethod: LenientArgument {}
extension ImputeMethod: LenientArgument {}
extension Analysis.Correlation: ExpressibleByArgument {}
extension IndicatorAnalysis.Stage: ExpressibleByArgument {}

/// `gsl index …`: the 亲清健康指数 and any composite index.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "综合指数（亲清健康指数） composite index scoring",
        discussion: """
            例 examples:
              gsl index framework import Datasets/frameworks/qinqing-v2.yaml
              gsl index data generate --framework qinqing@v2 --dataset ningbo
              gsl index compute --framework qinqing@v2 --dataset ningbo --period 2023 --normalise efficacy
              gsl index uncertainty 1 --runs 1000 --seed 7
              gsl index assess 1
              gsl index report 1 --format html --out 亲清指数.html
            """,
        subcommands: [
            Framework.self, DataCommand.self, Compute.self, Runs.self, Show.self, Verify.self, Stats.self,
            Uncertainty.self,
            Sensitivity.self, Compare.self, Explain.self, WhatIfCommand.self, Trend.self, Assess.self,
            Report.self,
        ])
}
