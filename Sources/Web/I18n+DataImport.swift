extension I18n {
    /// The import page's and the config edit form's labels.
    static let dataImportLabels: [Key: [Language: String]] = [
        .importTitle: [.zh: "导入数据", .en: "Import data"],
    ]
}
