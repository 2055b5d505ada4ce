/// Money and orders summed over the firms of a tick, each named (no lanes
/// whose order only one function knows). A chunk sums its firms into one of
/// these in registers; chunks are added in chunk order.
struct FirmFlows: Sendable {
    var revenueLocal = 0.0, revenueOnline = 0.0
    /// Demand offered to the firms, before capacity.
    var demandLocal = 0.0, demandOnline = 0.0
    var production = 0.0, waste = 0.0, logistics = 0.0
    var commissions = 0.0, fees = 0.0, effort = 0.0, fixedCosts = 0.0, innovation = 0.0, tools = 0.0
    var profit = 0.0, payout = 0.0
    /// Orders: all of them (sales / order value), online ones, and the
    /// order units shipped through the platform's network.
    var orders = 0.0, onlineOrders = 0.0, networkUnits = 0.0
    /// What members paid the platform for its network.
    var logisticsCharges = 0.0

    /// Adds one firm's month: its accounts, the demand offered to it, its
    /// orders, and the order units it shipped through the network (and what
    /// it paid for them at `networkPrice`, nil when there is no network).
    @inline(__always)
    mutating func add(books: Finance.Month, profit: Double, payout: Double, demandLocal: Double, demandOnline: Double,
                      perOrderValue: Double, networkUnits: Double, networkPrice: Double?) {
        revenueLocal += books.revenueLocal; revenueOnline += books.revenueOnline
        self.demandLocal += demandLocal; self.demandOnline += demandOnline
        production += books.production; waste += books.waste; logistics += books.logistics
        commissions += books.commission; fees += books.fee; effort += books.effort
        fixedCosts += books.fixed; innovation += books.innovation; tools += books.tools
        self.profit += profit; self.payout += payout
        orders += books.revenue * perOrderValue; onlineOrders += books.revenueOnline * perOrderValue
        self.networkUnits += networkUnits
        if let networkPrice { logisticsCharges += networkUnits * networkPrice }
    }

    @inline(__always)
    static func += (a: inout FirmFlows, b: FirmFlows) {
        a.revenueLocal += b.revenueLocal; a.revenueOnline += b.revenueOnline
        a.demandLocal += b.demandLocal; a.demandOnline += b.demandOnline
        a.production += b.production; a.waste += b.waste; a.logistics += b.logistics
        a.commissions += b.commissions; a.fees += b.fees; a.effort += b.effort
        a.fixedCosts += b.fixedCosts; a.innovation += b.innovation; a.tools += b.tools
        a.profit += b.profit; a.payout += b.payout
        a.orders += b.orders; a.onlineOrders += b.onlineOrders; a.networkUnits += b.networkUnits
        a.logisticsCharges += b.logisticsCharges
    }
}
