import AgentEngine
import Foundation

extension RandomPurpose {
    static let firmMonthA = RandomPurpose("economy.month.a")
    static let firmMonthB = RandomPurpose("economy.month.b")
    static let entry = RandomPurpose("economy.entry")
    static let perception = RandomPurpose("adoption.perception")
    static let initiative = RandomPurpose("innovation.initiative")
}

/// One tick of the economy over the whole population, in two parallel
/// passes (MODEL.md §3 steps 2–6):
///
/// - pass A: adoption decisions, the idiosyncratic demand shock, and each
///   firm's attractiveness, summed per province and over members;
/// - pass B: trade, costs and cash, distress and exit, learning, business
///   model innovation, and the tick's metrics.
///
/// Both passes read only the previous tick's aggregates and each firm's own
/// state, and write only that firm's state, so the result is independent of
/// visiting order and thread count.
struct Economy {
    /// Aggregates of the previous tick that firms see.
    struct Previous: Sendable {
        var alive: Int
        var members: Int
        var onlineRevenue: Double
        var memberWeight: Double
    }

    /// Sums of pass A.
    struct Weights: Sendable {
        var local: [Double]
        var online = 0.0
        var joins = 0, leaves = 0, entries = 0
        var onboarding = 0.0, switching = 0.0, entryCapital = 0.0, writtenOff = 0.0

        init(provinces: Int) { local = [Double](repeating: 0, count: provinces) }

        static func absorb(_ m: inout Weights, _ b: Weights) {
            for k in m.local.indices { m.local[k] += b.local[k] }
            m.online += b.online
            m.joins += b.joins; m.leaves += b.leaves; m.entries += b.entries
            m.onboarding += b.onboarding; m.switching += b.switching; m.entryCapital += b.entryCapital; m.writtenOff += b.writtenOff
        }
    }

    static func passA(
        tick: Int, scenario: Scenario, population: Population, network: PeerNetwork?,
        previous: Previous, platform: PlatformState, trend: [Double],
        streams: RandomStreams, executor: ChunkedExecutor
    ) -> Weights {
        let provinces = scenario.firms.localities.count
        let adoption = scenario.adoption
        let economy = scenario.firms.economy
        let market = scenario.market
        let onlineOpen = platform.open && scenario.platform.enabled
        let share = previous.alive > 0 ? Double(previous.members) / Double(previous.alive) : 0
        let outlook = Adoption.Outlook(
            hazard: Swift.min(1, adoption.p + adoption.q * share),
            onlineRevenuePerMember: previous.members > 0 ? previous.onlineRevenue / Double(previous.members) : 0,
            memberWeight: previous.members > 0 ? previous.memberWeight / Double(previous.members) : 0,
            logistics: platform.memberLogistics(scenario, firms: population.count),
            open: onlineOpen)
        let joinStream = streams.stream(.adoption, tick: tick)
        let monthStream = streams.stream(.firmMonthA, tick: tick)
        let perceptionStream = streams.stream(.perception, tick: tick)
        let shockKeep = economy.shockPersistence
        let shockNew = (1 - shockKeep * shockKeep).squareRoot() * economy.shockSigma
        let behavioural = adoption.mode == .behavioural
        let trendVector = SIMD4(trend[0], trend[1], trend[2], trend[3])
        let entryStream = streams.stream(.entry, tick: tick)
        let entryRate = economy.entryRate
        let sizes = CategoricalTable(employeeProbabilities(scenario.firms.size))
        let sectors = CategoricalTable(scenario.firms.sectors.map(\.share))
        let localities = CategoricalTable(scenario.firms.localities.map(\.share))

        let f = PopulationPointers(population)
        return executor.reduce(count: population.count, into: Weights(provinces: provinces), { range in
            var sums = Weights(provinces: provinces)
            // Per-province sums through a plain pointer: no copy-on-write
            // check per firm.
            let local = UnsafeMutablePointer<Double>.allocate(capacity: provinces)
            local.initialize(repeating: 0, count: provinces)
            defer { local.deallocate() }
            for i in range {
                if f.alive[i] == 0 {
                    // Entry: a new firm may take the place of one that exited.
                    guard entryRate > 0, entryStream.uniform(i) < entryRate else { continue }
                    var entrant = entryStream.generator(for: i)
                    sums.writtenOff += f.cash[i]
                    sums.entryCapital += population.enter(
                        i, tick: tick, scenario: scenario, trend: trend, sizes: sizes, sectors: sectors,
                        localities: localities, generator: &entrant)
                    sums.entries += 1
                }
                // Idiosyncratic demand shock, AR(1) in logs; its innovation is
                // the sum of two 32-bit uniforms from one draw (triangular,
                // unit variance).
                let shock = shockKeep * f.shock[i] + shockNew * triangular(monthStream.bits(i))
                f.shock[i] = shock
                let fit = Trade.fit(f.offering + i * 4, trendVector)
                let a = Trade.attractiveness(
                    fit: fit, sustainability: f.sustainability[i], brand: f.brand[i],
                    shock: shock, priceWeight: f.priceWeight[i], market: market)
                f.attractiveness[i] = a
                let onlineWeight = a * Trade.visibility(technology: f.technology[i])

                // Adoption.
                if f.member[i] == 0 {
                    guard onlineOpen else { local[Int(f.locality[i])] += a; continue }
                    var hazard = outlook.hazard
                    if adoption.mode == .peers, let network {
                        hazard = Swift.min(1, adoption.p + adoption.q * network.memberShare(of: i, flags: f.memberPrevious))
                    }
                    if joinStream.uniform(i) < hazard
                        && (!behavioural || Adoption.accepts(i, population: population, weight: onlineWeight,
                                                               outlook: outlook, scenario: scenario,
                                                               noise: triangular(perceptionStream.bits(i)))) {
                        f.member[i] = 1
                        f.joinedTick[i] = Int32(tick)
                        f.churnMonths[i] = 0
                        sums.joins += 1
                        if behavioural {
                            f.cash[i] -= scenario.platform.onboardingCost
                            sums.onboarding += scenario.platform.onboardingCost
                        }
                    }
                } else if behavioural && (!onlineOpen || Int(f.churnMonths[i]) >= adoption.behavioural.churnMonths) {
                    f.member[i] = 0
                    f.joinedTick[i] = -2
                    sums.leaves += 1
                    if onlineOpen {
                        f.cash[i] -= adoption.behavioural.switchingCost
                        sums.switching += adoption.behavioural.switchingCost
                    }
                }
                local[Int(f.locality[i])] += a
                if f.member[i] == 1 && onlineOpen { sums.online += onlineWeight }
            }
            for k in 0..<provinces { sums.local[k] = local[k] }
            return sums
        }, Weights.absorb)
    }

    /// What pass B needs besides the population.
    struct Month: Sendable {
        var tick: Int
        var localDemand: [Double]
        var localWeight: [Double]
        var onlineDemand: Double
        var onlineWeight: Double
        var onlineOpen: Bool
        var memberLogistics: (local: Double, online: Double)
        var analyticsQuality: Double
        var season: Double
        var previousSeason: Double
        var trend: [Double]
    }

    static func passB(
        _ month: Month, scenario: Scenario, population: Population,
        streams: RandomStreams, executor: ChunkedExecutor
    ) -> TickMetrics {
        let economy = scenario.firms.economy
        let platform = scenario.platform
        let innovation = scenario.innovation
        let market = scenario.market
        let stream = streams.stream(.firmMonthB, tick: month.tick)
        let initiativeStream = streams.stream(.initiative, tick: month.tick)
        let alliances = scenario.alliances
        let orderStream = streams.stream(.allianceMatch, tick: month.tick)
        let provinceCount = scenario.firms.localities.count
        let distressLimit = economy.distressMonths
        let churnLimit = scenario.adoption.behavioural.churnMonths
        // Each market's demand per unit of attractiveness: a firm's share is
        // its attractiveness times this.
        let localPerWeight = zip(month.localDemand, month.localWeight).map { $1 > 0 ? $0 / $1 : 0 }
        let onlinePerWeight = month.onlineWeight > 0 ? month.onlineDemand / month.onlineWeight : 0
        // Reciprocals taken once: the per-firm loop multiplies instead of dividing.
        let perOnlineEuro = 1 / (1 + market.onlinePricePremium)
        let perOrderValue = 1 / market.orderValue
        let seasonRatio = month.previousSeason / month.season
        // Innovation keeps a firm's block weights in a SIMD8 and the trend in
        // a SIMD4.
        precondition(BuildingBlock.allCases.count <= 8 && Attribute.allCases.count == 4 && month.trend.count == 4,
                     "Innovation.attempt assumes at most 8 building blocks and 4 attributes")
        let trendVector = SIMD4(month.trend[0], month.trend[1], month.trend[2], month.trend[3])

        let f = PopulationPointers(population)
        return executor.reduce(count: population.count, into: TickMetrics(), { range in
            var metrics = TickMetrics()
            var searchers: [AllianceSystem.Searcher] = []
            var reintegrations: [CSVRecord] = []
            let histogram = DimensionHistogram()
            // Flows summed in registers, stored into the metrics after the loop.
            var trade = SIMD8<Double>(), costs = SIMD8<Double>()
            for i in range where f.alive[i] == 1 {
                let isMember = f.member[i] == 1
                let served = month.onlineOpen && isMember
                let a = f.attractiveness[i]
                let t = f.technology[i]

                // Trade.
                let localShare = a * localPerWeight[Int(f.locality[i])]
                let onlineShare = served ? onlinePerWeight * a * Trade.visibility(technology: t) : 0
                let capacity = f.capacity[i]
                let sold = Trade.serve(local: localShare, online: onlineShare, capacity: capacity,
                                       premium: market.onlinePricePremium, perOnlineEuro: perOnlineEuro)
                // Capacity grows toward demand it cannot serve.
                let wantedOutput = localShare + onlineShare * perOnlineEuro
                if wantedOutput > capacity {
                    f.capacity[i] = Swift.min(wantedOutput, capacity * (1 + economy.capacityGrowth))
                }

                // Costs.
                var books = Finance.Month()
                books.revenueLocal = sold.local
                books.revenueOnline = sold.online
                let variable = f.variableCost[i]
                books.production = variable * sold.output
                let inventory = served && platform.services.inventoryManagement
                    ? platform.inventoryWasteCut * (0.5 + 0.5 * t) : 0
                let wasteShare = economy.waste * (1 - inventory) * (1 - f.circular[i])
                books.waste = wasteShare * books.production
                let logistics: (local: Double, online: Double) = served
                    ? month.memberLogistics : (economy.localLogistics, economy.ownOnlineLogistics)
                books.logistics = logistics.local * sold.local + logistics.online * sold.online
                books.commission = platform.commission * sold.online
                books.fee = served ? platform.monthlyFee : 0
                books.effort = served ? platform.memberEffort : 0
                books.fixed = economy.fixedCost * capacity

                // Business model innovation (paid this month).
                let access = Innovation.Access(
                    analytics: served && platform.services.analytics ? month.analyticsQuality : 0,
                    training: served && platform.services.training)
                let knowledge = access.analytics + (access.training ? 0.5 : 0)
                let startRate = innovation.baseRate * f.financial[i] * (1 + knowledge)
                var outcome = Innovation.Outcome()
                // One draw gives this month's two coins: whether an
                // initiative starts, and whether the firm looks for a partner.
                let coins = stream.uniformPair(i)
                if coins.0 < startRate && f.cash[i] >= innovation.cost * capacity {
                    var generator = initiativeStream.generator(for: i)
                    outcome = Innovation.attempt(i, f, access: access, trend: trendVector,
                                                 capacity: capacity, innovation: innovation, generator: &generator)
                }
                books.innovation = outcome.cost

                // Cash, distress and exit.
                let profit = books.profit
                let payout = economy.payout * Swift.max(0, profit)
                f.cash[i] += profit - payout
                f.profit[i] = profit
                let distress = f.cash[i] < 0 ? Int(f.distressMonths[i]) + 1 : 0
                f.distressMonths[i] = UInt8(Swift.min(distress, 255))

                // Platform margin: members who keep losing on the platform leave.
                if isMember {
                    // What the membership adds: the online margin and the saving
                    // on local deliveries, less fee and effort.
                    let platformMargin = sold.online * (1 - variable * perOnlineEuro - logistics.online - platform.commission)
                        + sold.local * (economy.localLogistics - logistics.local) - books.fee - books.effort
                    let run = platformMargin < 0 ? Int(f.churnMonths[i]) + 1 : 0
                    f.churnMonths[i] = UInt8(Swift.min(run, Swift.max(churnLimit, 1), 255))
                }

                // Learning and the financial index.
                let revenue = books.revenue
                let previousRevenue = f.revenueLocal[i] + f.revenueOnline[i]
                f.technology[i] = Learning.technology(
                    f.technology[i], analytics: access.analytics, training: access.training, innovation: innovation)
                f.relationship[i] = Learning.relationship(
                    f.relationship[i], onlineShare: revenue > 0 ? sold.online / revenue : 0,
                    training: access.training, innovation: innovation)
                let margin = revenue > 0 ? Swift.max(-1, profit / revenue) : -1
                let growth = previousRevenue > 0 && month.tick > 1
                    ? (revenue * seasonRatio) / previousRevenue - 1 : 0
                f.marginTrend[i] += Finance.smoothing * (margin - f.marginTrend[i])
                f.growthTrend[i] += Finance.smoothing * (Swift.max(-1, Swift.min(1, growth)) - f.growthTrend[i])
                f.financial[i] = Finance.index(
                    margin: f.marginTrend[i], growth: f.growthTrend[i],
                    cash: f.cash[i], monthlyCosts: books.costs - books.innovation)
                f.revenueLocal[i] = sold.local
                f.revenueOnline[i] = sold.online

                // Metrics.
                let orders = revenue * perOrderValue
                trade += SIMD8(sold.local, sold.online, localShare, onlineShare, payout, orders,
                                served && platform.services.sharedLogistics ? orders : 0, books.logistics)
                costs += SIMD8(books.production, books.waste, books.commission, books.fee,
                                books.effort, books.fixed, books.innovation, profit)
                if let block = outcome.block {
                    metrics.initiatives[block.rawValue] += 1
                    if outcome.success { metrics.successes += 1 }
                }
                if distress >= distressLimit {
                    f.alive[i] = 0
                    f.member[i] = 0
                    metrics.exits += 1
                    continue
                }
                metrics.alive += 1
                if isMember {
                    metrics.members += 1
                    metrics.addOnlineRevenue(sold.online)
                }
                metrics.addDimensions(
                    SIMD4(f.relationship[i], f.technology[i], f.financial[i], f.sustainability[i]),
                    member: isMember, histogram: histogram.counts)
                // Alliances: a reintegration stage, and the partner search.
                if alliances.enabled {
                    AllianceSystem.firmMonth(
                        i, f, rule: alliances, platformOpen: month.onlineOpen,
                        searchCoin: coins.1, order: orderStream, provinces: provinceCount,
                        searchers: &searchers, events: &reintegrations)
                }
            }
            metrics.searchers = searchers
            metrics.reintegrations = reintegrations
            metrics.addFlows(trade: trade, costs: costs)
            metrics.dimensionHistogram = histogram.array
            return metrics
        }, TickMetrics.absorb)
    }
}

/// A unit-variance deviate from 64 random bits: the sum of the two 32-bit
/// halves as uniforms, centred and scaled (triangular on ±√6).
@inline(__always)
func triangular(_ bits: UInt64) -> Double {
    let high = Double(UInt32(truncatingIfNeeded: bits &>> 32)), low = Double(UInt32(truncatingIfNeeded: bits))
    return ((high + low) * 0x1.0p-32 - 1) * 2.449489742783178
}
