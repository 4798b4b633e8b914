import QAModel

extension Website {
    /// An indicator with its latest value, RAG, trend, chart and data table.
    func indicatorContext(_ indicator: Indicator, headingLevel: Int) -> TemplateContext {
        let today = options.buildDate
        let values = indicator.values.filter { $0.period.days.upperBound <= today }
        let latest = values.last
        let previous = values.dropLast().last
        let rag = latest.map { indicator.rag(for: $0.value) } ?? .none
        let trend = (previous != nil && latest != nil) ? indicator.trend(from: previous!.value, to: latest!.value) : nil
        let chart = LineChart(indicator: indicator, asOf: today, suppressBelow: options.suppressBelow)
        let show = { (v: Double) in indicator.format(v, suppressBelow: self.options.suppressBelow) }
        return [
            "id": indicator.id,
            "title": indicator.title,
            "h2": headingLevel == 2, "h3": headingLevel == 3,
            "question": indicator.oba.question,
            "latest": latest.map { show($0.value) } ?? "No data yet",
            "latestPeriod": latest?.period.description ?? "",
            "target": indicator.target.map(indicator.format) ?? "None set",
            "direction": indicator.direction == .higherIsBetter ? "Higher is better" : indicator.direction == .lowerIsBetter ? "Lower is better" : "Neither higher nor lower is better",
            "rag": ragTag(rag),
            "trend": trend?.label ?? "Not enough data",
            "owner": indicator.owner.map { agencyName($0) } ?? "",
            "chart": chart.svg(idPrefix: "chart-\(indicator.id)"),
            "hasValues": !values.isEmpty,
            "rows": values.map { v -> TemplateContext in
                ["period": v.period.description, "value": show(v.value), "rag": ragTag(indicator.rag(for: v.value)), "note": v.note]
            },
            "comparators": indicator.comparators.map { ["label": $0.label, "value": indicator.format($0.value)] as TemplateContext },
            "hasComparators": !indicator.comparators.isEmpty,
            "baseline": indicator.baseline.map(indicator.format) ?? "",
            "commentary": md(indicator.commentary, at: indicator.source.bodyLocation),
            "hasCommentary": !indicator.commentary.isEmpty,
            "url": paths.url("scorecard/#\(indicator.id)"),
        ]
    }

    func scorecardPage() -> WebPage {
        currentPage = "scorecard/"
        let groups: [TemplateContext] = OBACategory.allCases.compactMap { oba in
            let indicators = site.indicators.filter { $0.oba == oba }
            guard !indicators.isEmpty else { return nil }
            return ["question": oba.question, "id": oba.rawValue, "indicators": LazyDictionaries(indicators) { self.indicatorContext($0, headingLevel: 3) },
                    "summary": indicators.map { i -> TemplateContext in
                        let latest = i.latest(asOf: options.buildDate)
                        return ["title": i.title, "url": "#\(i.id)", "latest": latest.map { i.format($0.value, suppressBelow: options.suppressBelow) } ?? "No data",
                                "target": i.target.map(i.format) ?? "None", "rag": ragTag(latest.map { i.rag(for: $0.value) } ?? .none)]
                    }]
        }
        return WebPage(path: "scorecard/", title: "Performance scorecard", template: "scorecard",
                       context: ["title": "Performance scorecard", "groups": groups, "asOf": options.buildDate.long],
                       section: "scorecard", summary: "Our performance indicators against their targets and comparators, with commentary.")
    }
}
