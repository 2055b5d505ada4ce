import AgentEngine

/// A food & beverage sub-sector: its share of firms and what differs
/// between sub-sectors in the economy (margins, perishability, cost of
/// shipping, suitability for online sales, seasonality).
///
/// A sub-sector named like one of the defaults takes that one's traits
/// when a scenario gives only its share; any other name is neutral (every
/// multiplier 1, no seasonality of its own).
public struct Sector: NamedRecord {
    public var name: String
    public var share: Double
    /// Multiplies the firm's variable cost share (margins).
    public var variableCost = 1.0
    /// Multiplies the share of production wasted (perishability).
    public var waste = 1.0
    /// Multiplies logistics costs, own and shared (cold chain, weight, fragility).
    public var logistics = 1.0
    /// Multiplies attractiveness online (how well the products sell and ship online).
    public var online = 1.0
    /// Amplitude of the sub-sector's own yearly demand cycle.
    public var seasonality = 0.0
    /// Month of the year (1–12) when that cycle peaks.
    public var peakMonth = 12.0

    public init(name: String, share: Double) {
        self.name = name
        self.share = share
        if let traits = Self.defaults.first(where: { $0.name == name }) {
            self = traits
            self.share = share
        }
    }

    init(_ name: String, share: Double, variableCost: Double, waste: Double, logistics: Double, online: Double,
         seasonality: Double, peakMonth: Double) {
        self.name = name
        self.share = share
        self.variableCost = variableCost
        self.waste = waste
        self.logistics = logistics
        self.online = online
        self.seasonality = seasonality
        self.peakMonth = peakMonth
    }

    /// The default sub-sectors of Piedmont's food & beverage SMEs.
    public static let defaults: [Sector] = [
        Sector("bakery_pastry", share: 0.35, variableCost: 0.95, waste: 1.5, logistics: 1.0, online: 0.5, seasonality: 0.15, peakMonth: 12),
        Sector("wine_beverages", share: 0.20, variableCost: 0.90, waste: 0.3, logistics: 1.2, online: 1.8, seasonality: 0.25, peakMonth: 12),
        Sector("other_food", share: 0.18, variableCost: 1.0, waste: 1.0, logistics: 1.0, online: 1.0, seasonality: 0.10, peakMonth: 12),
        Sector("dairy", share: 0.10, variableCost: 1.08, waste: 1.3, logistics: 1.4, online: 0.6, seasonality: 0.05, peakMonth: 4),
        Sector("meat_charcuterie", share: 0.10, variableCost: 1.10, waste: 1.2, logistics: 1.4, online: 0.7, seasonality: 0.10, peakMonth: 12),
        Sector("fruit_vegetables_preserves", share: 0.07, variableCost: 1.0, waste: 1.8, logistics: 1.2, online: 0.9, seasonality: 0.20, peakMonth: 8),
    ]

    /// The traits a scenario file can give each sub-sector.
    static let fields: [RecordField<Sector>] = [
        RecordField("variable_cost", \.variableCost, 0.5...1.5, unit: "×",
                    "multiplies the variable cost share (margins: beverages and bakery above the food average, meat and dairy below; Eurostat SBS value added per turnover by NACE 10.x / 11)"),
        RecordField("waste", \.waste, 0...5, unit: "×",
                    "multiplies the waste share (perishability: fruit & vegetables and bakery highest, beverages lowest; FAO 2011 losses by commodity group)"),
        RecordField("logistics", \.logistics, 0.5...3, unit: "×",
                    "multiplies logistics costs, own and shared (cold chain for dairy and meat, weight and breakage for wine)"),
        RecordField("online", \.online, 0...3, unit: "×",
                    "multiplies attractiveness online (wine and packaged goods sell and ship well online, fresh bread and dairy poorly)"),
        RecordField("seasonality", \.seasonality, 0...0.9,
                    "amplitude of the sub-sector's yearly demand cycle (Christmas for wine, panettone and charcuterie; summer harvest for fruit & vegetables)"),
        RecordField("peak_month", \.peakMonth, 1...12, unit: "month", "month of the year when that cycle peaks"),
    ]
}
