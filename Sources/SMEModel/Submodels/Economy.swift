import AgentEngine
import Foundation

extension RandomPurpose {
    static let firmMonthA = RandomPurpose("economy.month.a")
    static let firmMonthB = RandomPurpose("economy.month.b")
    static let entry = RandomPurpose("economy.entry")
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

        static func merge(_ a: Weights, _ b: Weights) -> Weights {
            var m = a
            for k in m.local.indices { m.local[k] += b.local[k] }
            m.online += b.online
            m.joins += b.joins; m.leaves += b.leaves; m.entries += b.entries
            m.onboarding += b.onboarding; m.switching += b.switching; m.entryCapital += b.entryCapital; m.writtenOff += b.writtenOff
            return m
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
        let shockKeep = economy.shockPersistence
        let shockNew = (1 - shockKeep * shockKeep).squareRoot() * economy.shockSigma
        let behavioural = adoption.mode == .behavioural
        let offsets = network?.offsets, targets = network?.targets
        let entryStream = streams.stream(.entry, tick: tick)
        let entryRate = economy.entryRate
        let sizes = CategoricalTable(employeeProbabilities(scenario.firms.size))
        let sectors = CategoricalTable(scenario.firms.sectors.map(\.share))
        let localities = CategoricalTable(scenario.firms.localities.map(\.share))

        return executor.reduce(count: population.count, Weights(provinces: provinces), { range in
            var sums = Weights(provinces: provinces)
            for i in range {
                if population.alive[i] == 0 {
                    // Entry: a new firm may take the place of one that exited.
                    guard entryRate > 0, entryStream.uniform(i) < entryRate else { continue }
                    var entrant = entryStream.generator(for: i)
                    sums.writtenOff += population.cash[i]
                    sums.entryCapital += population.enter(
                        i, tick: tick, scenario: scenario, trend: trend, sizes: sizes, sectors: sectors,
                        localities: localities, generator: &entrant)
                    sums.entries += 1
                }
                var generator = monthStream.generator(for: i)
                // Idiosyncratic demand shock, AR(1) in logs.
                let shock = shockKeep * population.shock[i] + shockNew * generator.triangular()
                population.shock[i] = shock
                let fit = Trade.fit(population.offering.base + i * 4, trend)
                let a = Trade.attractiveness(
                    fit: fit, sustainability: population.sustainability[i], brand: population.brand[i],
                    shock: shock, price: population.price[i], market: market)
                population.attractiveness[i] = a
                let onlineWeight = a * Trade.visibility(technology: population.technology[i])

                // Adoption.
                if population.member[i] == 0 {
                    guard onlineOpen else { sums.local[Int(population.locality[i])] += a; continue }
                    var hazard = outlook.hazard
                    if adoption.mode == .peers, let offsets, let targets {
                        let lo = offsets[i], hi = offsets[i + 1]
                        var seen = 0
                        for e in lo..<hi { seen &+= Int(population.memberPrevious[Int(targets[e])]) }
                        let local = hi > lo ? Double(seen) / Double(hi - lo) : 0
                        hazard = Swift.min(1, adoption.p + adoption.q * local)
                    }
                    if joinStream.uniform(i) < hazard
                        && (!behavioural || Adoption.accepts(i, population: population, weight: onlineWeight,
                                                               outlook: outlook, scenario: scenario, noise: generator.triangular())) {
                        population.member[i] = 1
                        population.joinedTick[i] = Int32(tick)
                        population.churnMonths[i] = 0
                        sums.joins += 1
                        if behavioural {
                            population.cash[i] -= scenario.platform.onboardingCost
                            sums.onboarding += scenario.platform.onboardingCost
                        }
                    }
                } else if behavioural && (!onlineOpen || Int(population.churnMonths[i]) >= adoption.behavioural.churnMonths) {
                    population.member[i] = 0
                    population.joinedTick[i] = -2
                    sums.leaves += 1
                    if onlineOpen {
                        population.cash[i] -= adoption.behavioural.switchingCost
                        sums.switching += adoption.behavioural.switchingCost
                    }
                }
                sums.local[Int(population.locality[i])] += a
                if population.member[i] == 1 && onlineOpen { sums.online += onlineWeight }
            }
            return sums
        }, Weights.merge)
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
        let distressLimit = economy.distressMonths
        let churnLimit = scenario.adoption.behavioural.churnMonths

        return executor.reduce(count: population.count, TickMetrics(), { range in
            var metrics = TickMetrics()
            for i in range where population.alive[i] == 1 {
                var generator = stream.generator(for: i)
                let isMember = population.member[i] == 1
                let served = month.onlineOpen && isMember
                let a = population.attractiveness[i]
                let t = population.technology[i]

                // Trade.
                let province = Int(population.locality[i])
                let localShare = month.localWeight[province] > 0
                    ? month.localDemand[province] * a / month.localWeight[province] : 0
                let onlineShare = served && month.onlineWeight > 0
                    ? month.onlineDemand * a * Trade.visibility(technology: t) / month.onlineWeight : 0
                let capacity = population.capacity[i]
                let sold = Trade.serve(local: localShare, online: onlineShare, capacity: capacity,
                                       premium: market.onlinePricePremium)
                // Capacity grows toward demand it cannot serve.
                let wantedOutput = localShare + onlineShare / (1 + market.onlinePricePremium)
                if wantedOutput > capacity {
                    population.capacity[i] = Swift.min(wantedOutput, capacity * (1 + economy.capacityGrowth))
                }

                // Costs.
                var books = Finance.Month()
                books.revenueLocal = sold.local
                books.revenueOnline = sold.online
                let variable = population.variableCost[i]
                books.production = variable * sold.output
                let inventory = served && platform.services.inventoryManagement
                    ? platform.inventoryWasteCut * (0.5 + 0.5 * t) : 0
                let wasteShare = economy.waste * (1 - inventory) * (1 - population.circular[i])
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
                let outcome = Innovation.attempt(
                    i, population: population, access: access, trend: month.trend,
                    innovation: innovation, generator: &generator)
                books.innovation = outcome.cost

                // Cash, distress and exit.
                let profit = books.profit
                let payout = economy.payout * Swift.max(0, profit)
                population.cash[i] += profit - payout
                population.profit[i] = profit
                let distress = population.cash[i] < 0 ? Int(population.distressMonths[i]) + 1 : 0
                population.distressMonths[i] = UInt8(Swift.min(distress, 255))

                // Platform margin: members who keep losing on the platform leave.
                if isMember {
                    // What the membership adds: the online margin and the saving
                    // on local deliveries, less fee and effort.
                    let platformMargin = sold.online * (1 - variable / (1 + market.onlinePricePremium) - logistics.online - platform.commission)
                        + sold.local * (economy.localLogistics - logistics.local) - books.fee - books.effort
                    let run = platformMargin < 0 ? Int(population.churnMonths[i]) + 1 : 0
                    population.churnMonths[i] = UInt8(Swift.min(run, Swift.max(churnLimit, 1), 255))
                }

                // Learning and the financial index.
                let revenue = books.revenue
                let previousRevenue = population.revenueLocal[i] + population.revenueOnline[i]
                population.technology[i] = Learning.technology(
                    population.technology[i], analytics: access.analytics, training: access.training, innovation: innovation)
                population.relationship[i] = Learning.relationship(
                    population.relationship[i], onlineShare: revenue > 0 ? sold.online / revenue : 0,
                    training: access.training, innovation: innovation)
                let margin = revenue > 0 ? Swift.max(-1, profit / revenue) : -1
                let growth = previousRevenue > 0 && month.tick > 1
                    ? (revenue / month.season) / (previousRevenue / month.previousSeason) - 1 : 0
                population.marginTrend[i] += Finance.smoothing * (margin - population.marginTrend[i])
                population.growthTrend[i] += Finance.smoothing * (Swift.max(-1, Swift.min(1, growth)) - population.growthTrend[i])
                population.financial[i] = Finance.index(
                    margin: population.marginTrend[i], growth: population.growthTrend[i],
                    cash: population.cash[i], monthlyCosts: books.costs - books.innovation)
                population.revenueLocal[i] = sold.local
                population.revenueOnline[i] = sold.online

                // Metrics.
                metrics.revenueLocal += sold.local
                metrics.revenueOnline += sold.online
                metrics.demandLocal += localShare
                metrics.demandOnline += onlineShare
                metrics.capacity += capacity
                metrics.orders += revenue / market.orderValue
                if served && platform.services.sharedLogistics { metrics.networkOrders += revenue / market.orderValue }
                metrics.logistics += books.logistics
                metrics.production += books.production
                metrics.waste += books.waste
                metrics.commissions += books.commission
                metrics.fees += books.fee
                metrics.effort += books.effort
                metrics.fixedCosts += books.fixed
                metrics.innovation += books.innovation
                metrics.profit += profit
                metrics.payout += payout
                if let block = outcome.block {
                    metrics.initiatives[block.rawValue] += 1
                    if outcome.success { metrics.successes += 1 }
                }
                if distress >= distressLimit {
                    population.alive[i] = 0
                    population.member[i] = 0
                    metrics.exits += 1
                    continue
                }
                metrics.alive += 1
                if isMember {
                    metrics.members += 1
                    metrics.addOnlineRevenue(sold.online)
                }
                metrics.addDimensions(
                    (population.relationship[i], population.technology[i], population.financial[i], population.sustainability[i]),
                    member: isMember)
            }
            return metrics
        }, TickMetrics.merge)
    }
}
