/// Every label the pages show, in Chinese and English. Pages never write user-facing text
/// inline: they look it up here, so a test can check that no label lacks a language.
public struct I18n: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public enum Key: String, Sendable, CaseIterable {
        case siteName, skipToContent, mainNavigation, navData, navConfigs, language, colors, colorsChinese,
             colorsWestern, footer
        case stockListTitle, search, searchPlaceholder, clearSearch, stocksShown, noStocks
        case code, name, board, industry, firstDate, lastDate, barCount
        case boardMain, boardChinext, boardStar, boardBSE, boardIndex, boardFund, boardOther
        case indicators, from, to, apply, lastClose, change, barsShown, indicatorStyleNote
        case indicatorMA, indicatorBOLL, indicatorMACD, indicatorRSI, indicatorKDJ
        case limitDays, limitSourceTable, limitSourceRules, dateIgnored, backToList
        case notFoundTitle, stockNotFound, serverErrorTitle, serverErrorBody
        case configsTitle, newConfig, configID, stockCode, description, factors, updatedAt, actions, delete, noConfigs,
             configsShown, previousPage, nextPage, categoryTechnical, categoryFundamental, categoryMarket,
             categorySentiment, weight, weightHint, save, cancel, formErrors, deleteTitle, deleteConfirm,
             configNotFound, stockTaken
        // The backtest pages (BacktestPages; labels in I18n+Backtests.swift)
        case navBacktests, backtestsTitle, newBatch, batchFormErrors, batchName, periodAndCapital, startDate, endDate,
             initialCapital, submitBatch, stockPool, storedStocks, typedCodes, stockPoolHint, noConfigsForBatch,
             factorConfig, strategy, strategySource, strategyFactorConfig, strategyStockConfigs, strategySMA,
             strategyBuyAndHold, strategySignals, smaFast, smaSlow, signalPath, strategyHint, settingsTitle, settingsHint,
             setting, value, defaultValue, help, useDefault, settingOff, groupRun, groupFills, groupFees, groupPositions,
             groupRisk, helpBenchmark, helpBacktestMode, helpRiskFreeRate, helpPriority, helpMaxAttempts, helpOrderType,
             helpSlippageType, helpSlippageValue, helpMinFillProbability, helpQueueParticipation, helpSeed,
             helpCommissionRate, helpMinCommission, helpStampDuty, helpTransferFee, helpMaxPositions, helpMaxPositionPct,
             helpMaxHoldingDays, helpStopLoss, helpTakeProfit, helpMaxDrawdown, helpDailyMaxLoss, helpRiskCooldown,
             batchReferenceMissing, batchNotFound, taskNotFound, batchTitle, batchTaskList, batchID, taskID, status,
             progress, taskCounts, taskCountsValue, failedCancelled, batchTimes, cancelBatch, cancelTask, retryTask,
             openReport, liveUpdating, batchEnded, stage, errorMessage, compareColumn, compareSelect, compareSelected,
             compareHint, batchSummary, profitableStocks, meanReturn, medianReturn, meanSharpe, worstDrawdown, bestStock,
             worstStock, summaryTrades, statePending, stateQueued, stateRunning, stateCompleted, stateFailed,
             stateCancelled, allStates, createdAt, duration, colTotalReturn, colAnnualReturn, colMaxDrawdown, colSharpe,
             noTasks, createdFrom, createdTo, filter, tasksShown, pages
        // The report, compare and export pages (ReportPages; labels in I18n+Reports.swift)
        case reportTitle, reportPeriod, reportTaskLabel, reportBatch, reportBackToTasks, reportContents,
             reportDownloads, reportDownloadTradesCSV, reportDownloadTradesExcel, reportDownloadEquityCSV,
             reportDownloadXLSX, reportDownloadHTML, reportHeadline, reportTotalReturn, reportAnnualReturn,
             reportBenchmarkReturn, reportExcessReturn, reportSharpe, reportSortino, reportCalmar, reportMaxDrawdown,
             reportVolatility, reportWinRate, reportProfitFactor, reportRoundTrips, reportFillRate, reportFinalValue,
             reportInitialCash, reportConfig, reportConfigUnavailable, reportTaskID, reportStock, reportStockName,
             reportStartDate, reportEndDate, reportBenchmark, reportFactors, reportBacktestName, reportStrategy,
             reportMarket, reportOrderType, reportFees, reportFeesOfficial, reportFeesNone, reportCommissionRate,
             reportMinCommission, reportStampDutyRate, reportTransferFeeRate, reportSlippageType,
             reportSlippageValue, reportMinFillProbability, reportParticipation, reportMaxPositions,
             reportMaxPositionPct, reportMaxHoldingDays, reportStopLoss, reportTakeProfit, reportMaxDrawdownLimit,
             reportDailyLossLimit, reportCooldownDays, reportRiskFreeRate, reportSeed, reportOff, reportEquityChart,
             reportEquitySeries, reportBenchmarkSeries, reportNoBenchmark, reportBenchmarkMissing,
             reportBenchmarkNote, reportDrawdownChart, reportDrawdownNote, reportMonthlyChart, reportMonthlyNote,
             reportHistogramChart, reportHistogramNote, reportKlineChart, reportKlineNote, reportFills,
             reportSortHint, reportFillsShown, reportFillsAll, reportNoFills, reportTradePages, reportTradeID,
             reportExecuteDate, reportSide, reportPrice, reportShares, reportAmount, reportCommission,
             reportStampTax, reportTransferFee, reportSlippageCost, reportTotalFee, reportPnl, reportPnlPct,
             reportFilledReason, reportBuy, reportSell, reportRejected, reportRejectedCount, reportRejectedCut,
             reportNoRejected, reportSignalDate, reportOrderShares, reportSignalPrice, reportReason,
             reportReasonFilled, reportReasonLimitUp, reportReasonLimitDown, reportReasonAuctionFail,
             reportReasonNoCash, reportReasonMaxPosition, reportReasonSuspended, reportReasonVolumeLimit,
             reportReasonLimitNotReached, reportReasonRiskHalt, reportReasonNoPosition, reportReasonLotSize,
             reportRiskEvents, reportNoRiskEvents, reportRiskDate, reportRiskType, reportRiskValue, reportRiskLimit,
             reportEquity, reportLiquidationDate, reportMessage, reportDiffTitle, reportDiffExecution,
             reportDiffCosts, reportDiffLiquidity, reportDiffData, reportNoResultsYet, reportComeBack,
             reportLastError, reportToBatch, reportReload, reportStatePending, reportStateQueued, reportStateRunning,
             reportStateCompleted, reportStateFailed, reportStateCancelled, reportTaskNotFound, reportGenerated,
             compareTitle, compareRuns, compareMetric, compareRunPeriod, compareChart, compareChartNote,
             compareCount, compareCannotTitle, compareNotReadyTitle, compareUnknown, compareNoResults,
             compareWaitingTask
        // The import page and the config edit form (labels in I18n+DataImport.swift)
        case importTitle, importLink, importIntro, importFile, importFileHint, importLimit, importSkipInvalid, importReplace, importAtomic, importSubmit, importDoneTitle, importMerged, importReplaced, importStoreTotals, importStockLink, importCalendar, importInstruments, importAdjustments, importLimits, importSuspensions, importSkippedRows, importAnother, importFailedTitle, importNothingSaved, importErrorsIntro, importColFile, importColLine, importColField, importColReason, importNoFile, importEmptyFile, importBadExtension, importNoData, uploadNotMultipart, uploadNoBoundary, uploadMalformed, uploadTooLargeTitle, uploadTooLarge, suspendedSessions, suspensionsNote, suspensionsNoCalendar, editConfig, edit, weightSum, weightSumOff, weightMissing, paramsKept, pageNotFound
    }

    /// `key` in this language; `{0}`, `{1}` … replaced by `arguments` in order.
    public subscript(_ key: Key, _ arguments: String...) -> String {
        var text = Self.table[key]?[language] ?? key.rawValue
        for (i, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(i)}", with: argument)
        }
        return text
    }

    /// The labels. A dictionary rather than a switch so the completeness test can ask for each
    /// language of each key; a missing one falls back to the key's name. Each section's labels
    /// live beside its pages' (`I18n+Backtests.swift`, …).
    static let table: [Key: [Language: String]] = coreLabels
        .merging(backtestLabels) { first, _ in first }
        .merging(reportLabels) { first, _ in first }
        .merging(dataImportLabels) { first, _ in first }

    static let coreLabels: [Key: [Language: String]] = [
        .siteName: [.zh: "Huice 回测平台", .en: "Huice backtesting"],
        .skipToContent: [.zh: "跳到正文", .en: "Skip to content"],
        .mainNavigation: [.zh: "主导航", .en: "Main navigation"],
        .navData: [.zh: "数据", .en: "Data"],
        .navConfigs: [.zh: "因子配置", .en: "Factor configs"],
        .language: [.zh: "语言", .en: "Language"],
        .colors: [.zh: "涨跌配色", .en: "Up/down colours"],
        .colorsChinese: [.zh: "红涨绿跌", .en: "Red up, green down"],
        .colorsWestern: [.zh: "绿涨红跌", .en: "Green up, red down"],
        .footer: [.zh: "Huice · 页面由本机服务生成，不请求任何外部资源", .en: "Huice · pages rendered by this server, with no external requests"],

        .stockListTitle: [.zh: "股票列表", .en: "Stocks"],
        .search: [.zh: "搜索", .en: "Search"],
        .searchPlaceholder: [.zh: "代码或名称", .en: "Code or name"],
        .clearSearch: [.zh: "清除", .en: "Clear"],
        .stocksShown: [.zh: "显示 {0} / {1} 只股票", .en: "{0} of {1} stocks"],
        .noStocks: [.zh: "没有符合条件的股票。", .en: "No stocks match."],
        .code: [.zh: "代码", .en: "Code"],
        .name: [.zh: "名称", .en: "Name"],
        .board: [.zh: "板块", .en: "Board"],
        .industry: [.zh: "行业", .en: "Industry"],
        .firstDate: [.zh: "起始日期", .en: "First date"],
        .lastDate: [.zh: "最后日期", .en: "Last date"],
        .barCount: [.zh: "K线数", .en: "Bars"],
        .boardMain: [.zh: "主板", .en: "Main board"],
        .boardChinext: [.zh: "创业板", .en: "ChiNext"],
        .boardStar: [.zh: "科创板", .en: "STAR Market"],
        .boardBSE: [.zh: "北交所", .en: "Beijing SE"],
        .boardIndex: [.zh: "指数", .en: "Index"],
        .boardFund: [.zh: "基金", .en: "Fund"],
        .boardOther: [.zh: "其他", .en: "Other"],

        .indicators: [.zh: "指标", .en: "Indicators"],
        .from: [.zh: "开始日期", .en: "From"],
        .to: [.zh: "结束日期", .en: "To"],
        .apply: [.zh: "应用", .en: "Apply"],
        .lastClose: [.zh: "收盘价", .en: "Close"],
        .change: [.zh: "涨跌幅", .en: "Change"],
        .barsShown: [.zh: "显示 {0} 根K线（{1} 至 {2}）", .en: "{0} bars shown ({1} to {2})"],
        .indicatorStyleNote: [.zh: "指标按通达信公式计算，在全部历史上预热。", .en: "Indicators follow the 通达信 (TDX) formulas, warmed up over the whole history."],
        .indicatorMA: [.zh: "均线 MA(5,10,20)", .en: "Moving averages MA(5,10,20)"],
        .indicatorBOLL: [.zh: "布林带 BOLL(20,2)", .en: "Bollinger bands BOLL(20,2)"],
        .indicatorMACD: [.zh: "MACD(12,26,9)", .en: "MACD(12,26,9)"],
        .indicatorRSI: [.zh: "相对强弱 RSI(14)", .en: "Relative strength RSI(14)"],
        .indicatorKDJ: [.zh: "随机指标 KDJ(9,3,3)", .en: "Stochastic KDJ(9,3,3)"],
        .limitDays: [.zh: "区间内涨停 {0} 天，跌停 {1} 天（图中着色列）", .en: "{0} limit-up and {1} limit-down days in the range (tinted columns)"],
        .limitSourceTable: [.zh: "涨跌停价取自数据中的涨跌停价表，缺失的日子按板块规则计算。", .en: "Limit prices come from the stored price-limit table; days it lacks use the board rules."],
        .limitSourceRules: [.zh: "数据中没有该股的涨跌停价表：涨跌停按板块规则由前收盘价计算。", .en: "The store has no price-limit table for this stock: limits are computed from the board rules and the previous close."],
        .dateIgnored: [.zh: "无法识别的日期已忽略：{0}（格式 yyyy-mm-dd）", .en: "Unrecognised date ignored: {0} (use yyyy-mm-dd)"],
        .backToList: [.zh: "返回股票列表", .en: "Back to the stock list"],

        .notFoundTitle: [.zh: "未找到", .en: "Not found"],
        .stockNotFound: [.zh: "数据中没有股票 {0}。", .en: "The store holds no bars for {0}."],
        .serverErrorTitle: [.zh: "服务器错误", .en: "Server error"],
        .serverErrorBody: [.zh: "请求未能完成，详情见服务器日志。", .en: "The request failed; the server log has the details."],

        .configsTitle: [.zh: "因子配置", .en: "Factor configs"],
        .newConfig: [.zh: "新建配置", .en: "New config"],
        .configID: [.zh: "配置编号", .en: "Config ID"],
        .stockCode: [.zh: "股票代码", .en: "Stock code"],
        .description: [.zh: "描述", .en: "Description"],
        .factors: [.zh: "因子", .en: "Factors"],
        .updatedAt: [.zh: "更新时间 (UTC)", .en: "Updated (UTC)"],
        .actions: [.zh: "操作", .en: "Actions"],
        .delete: [.zh: "删除", .en: "Delete"],
        .noConfigs: [.zh: "还没有因子配置。", .en: "No factor configs yet."],
        .configsShown: [.zh: "共 {0} 个配置，第 {1} / {2} 页", .en: "{0} configs, page {1} of {2}"],
        .previousPage: [.zh: "上一页", .en: "Previous page"],
        .nextPage: [.zh: "下一页", .en: "Next page"],
        .categoryTechnical: [.zh: "技术因子", .en: "Technical factors"],
        .categoryFundamental: [.zh: "基本面因子", .en: "Fundamental factors"],
        .categoryMarket: [.zh: "市场因子", .en: "Market factors"],
        .categorySentiment: [.zh: "情绪因子", .en: "Sentiment factors"],
        .weight: [.zh: "权重", .en: "Weight"],
        .weightHint: [.zh: "勾选因子并填写权重，权重之和须为 1。", .en: "Tick the factors and give each a weight; the weights must sum to 1."],
        .save: [.zh: "保存", .en: "Save"],
        .cancel: [.zh: "取消", .en: "Cancel"],
        .formErrors: [.zh: "配置未保存，请修改以下问题：", .en: "The config was not saved. Please fix:"],
        .deleteTitle: [.zh: "删除配置", .en: "Delete config"],
        .deleteConfirm: [.zh: "确定删除 {1} 的因子配置 {0} 吗？此操作无法撤销。", .en: "Delete the factor config {0} of {1}? This cannot be undone."],
        .configNotFound: [.zh: "没有配置 {0}。", .en: "There is no config {0}."],
        .stockTaken: [.zh: "该股票已有配置 {0}", .en: "This stock already has config {0}"],
    ]
}
