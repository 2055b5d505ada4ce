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
/// passes (ODD §3 steps 2–6):
///
/// - pass A: entry, the idiosyncratic demand shock, each firm's weight in
///   its province's demand (attractiveness × reach), and adoption decisions,
///   summed per province and over members;
/// - pass B: each firm's month, as a sequence of calls into the submodels:
///   service use, trade, costs and cash, membership value, learning and
///   relationships, innovation, alliances; and the tick's metrics.
///
/// Both passes read only the previous tick's aggregates and each firm's own
/// state, and write only that firm's state, so the result is independent of
/// visiting order and thread count.
struct Economy {
    /// Aggregates of the previous tick that firms see.
    struct Previous: Sendable {
        var alive: Int
        var members: Int
        /// Online demand, and the online weight of the members who listed
        /// (what that demand was shared by).
        var onlineDemand: Double
        var listedWeight: Double
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

    /// Per-sub-sector traits as plain arrays, for the per-firm loops.
    struct SectorTraits: Sendable {
        let waste: [Double]
        let logistics: [Double]
        let online: [Double]
        let season: [Double]

        init(_ scenario: Scenario, season: [Double]) {
            waste = scenario.firms.sectors.map(\.waste)
            logistics = scenario.firms.sectors.map(\.logistics)
            online = scenario.firms.sectors.map(\.online)
            self.season = season
        }
    }

    static func passA(
        tick: Int, scenario: Scenario, population: Population, network: PeerNetwork?,
        previous: Previous, platform: PlatformState, market: MarketState, p: Double, policy: PolicyMonth?,
        streams: RandomStreams, executor: ChunkedExecutor
    ) -> Weights {
        let provinces = scenario.firms.localities.count
        let adoption = scenario.adoption
        let economy = scenario.firms.economy
        let onlineOpen = platform.open && scenario.platform.enabled
        let share = previous.alive > 0 ? Double(previous.members) / Double(previous.alive) : 0
        let outlook = Adoption.Outlook(
            hazard: Swift.min(1, p + adoption.q * share), p: p,
            onlineDemand: previous.onlineDemand, listedWeight: previous.listedWeight,
            networkPrice: platform.memberNetworkPrice(scenario),
            analyticsQuality: platform.analyticsQuality)
        let joinStream = streams.stream(.adoption, tick: tick)
        let monthStream = streams.stream(.firmMonthA, tick: tick)
        let perceptionStream = streams.stream(.perception, tick: tick)
        let shockKeep = economy.shockPersistence
        let shockInnovation = (1 - shockKeep * shockKeep).squareRoot()
        let behavioural = adoption.mode == .behavioural
        let trend = market.trend
        let trendVector = SIMD4(trend[0], trend[1], trend[2], trend[3])
        let entryStream = streams.stream(.entry, tick: tick)
        let entryRate = economy.entryRate
        let sizes = CategoricalTable(employeeProbabilities(scenario.firms.size))
        let sectors = CategoricalTable(scenario.firms.sectors.map(\.share))
        let localities = CategoricalTable(scenario.firms.localities.map(\.share))
        let traits = SectorTraits(scenario, season: market.sectorSeason)
        let meanCapacity = market.meanCapacity
        let reachElasticity = scenario.market.reachElasticity
        let perOnlineEuro = 1 / (1 + scenario.market.onlinePricePremium)
        let tools = Tools(scenario, quality: platform.analyticsQuality, policy: policy)
        // The instruments open to firms this month (nil: none).
        let open = policy.flatMap { $0.anyOpen ? $0 : nil }
        let onboardingCost = scenario.platform.onboardingCost, commission = scenario.platform.commission

        let f = PopulationPointers(population)
        return executor.reduce(count: population.count, into: Weights(provinces: provinces), { range in
            var sums = Weights(provinces: provinces)
            // Per-province sums through a plain pointer: no copy-on-write
            // check per firm.
            let local = UnsafeMutablePointer<Double>.allocate(capacity: provinces)
            local.initialize(repeating: 0, count: provinces)
            defer { local.deallocate() }
            for i in range {
                open?.clearClaims(i)
                if f.alive[i] == 0 {
                    // Entry: a new firm may take the place of one that exited.
                    guard entryRate > 0, entryStream.uniform(i) < entryRate else { continue }
                    var entrant = entryStream.generator(for: i)
                    policy?.resetFirm(i)
                    sums.writtenOff += f.cash[i]
                    sums.entryCapital += population.enter(
                        i, tick: tick, scenario: scenario, trend: trend, sizes: sizes, sectors: sectors,
                        localities: localities, generator: &entrant)
                    f.reach[i] = Trade.reach(capacity: f.capacity[i], meanCapacity: meanCapacity, elasticity: reachElasticity)
                    sums.entries += 1
                }
                // Idiosyncratic demand shock, AR(1) in logs with the firm's
                // own spread; its innovation is the sum of two 32-bit
                // uniforms from one draw (triangular, unit variance).
                let shock = shockKeep * f.shock[i] + shockInnovation * f.shockSigma[i] * triangular(monthStream.bits(i))
                f.shock[i] = shock
                let sector = Int(f.sector[i])
                let a = Trade.attractiveness(
                    fit: Trade.fit(f.offering + i &* 4, trendVector), sustainability: f.sustainability[i], brand: f.brand[i],
                    shock: shock, priceWeight: f.priceWeight[i], season: traits.season[sector], market: scenario.market)
                // Reach: capacity reaches local customers except the part of
                // it last month's online orders took (capacity built for
                // parcels does not bring shelf space); online, all of it.
                let reached = a * f.reach[i]
                let localReach = Trade.localReach(capacity: f.capacity[i], lastOnline: f.revenueOnline[i], perOnlineEuro: perOnlineEuro)
                let onlineFactor = Trade.onlineFactor(technology: f.technology[i], suitability: traits.online[sector], market: scenario.market)
                // What a non-member weighs joining with (before the tools it
                // would use).
                let onlineWeight = reached * onlineFactor

                // Adoption, at the onboarding cost and commission a firm would
                // pay (lower under a digital voucher or a commission subsidy).
                if f.member[i] == 0 {
                    var voucher = 0.0, commissionRate = commission
                    if let policy = open {
                        voucher = policy.onboardingVoucher(i, f, cost: onboardingCost)
                        commissionRate *= 1 - policy.share(PolicyMonth.commission, i, f, member: true)
                    }
                    if onlineOpen && Adoption.joins(i, f, tick: tick, network: network, draw: joinStream.uniform(i),
                                                    onlineWeight: onlineWeight, outlook: outlook, scenario: scenario, perception: perceptionStream,
                                                    onboarding: onboardingCost - voucher, commission: commissionRate) {
                        sums.joins += 1
                        if behavioural {
                            let grant = policy?.grant(PolicyMonth.voucher, i, voucher) ?? 0
                            f.cash[i] -= onboardingCost - grant
                            sums.onboarding += onboardingCost
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
                // The tools the firm uses this month make it more attractive
                // (pass B chooses the same use again, from the same state).
                let gain = 1 + tools.gain(i, f, served: onlineOpen && f.member[i] == 1)
                f.demandWeight[i] = reached * gain
                let weight = reached * gain * localReach
                local[Int(f.locality[i])] += weight
                // A member lists online while it expects the channel to pay
                // (in `bass` and `peers` modes, every member lists).
                var lists = false
                if f.member[i] == 1 && onlineOpen && scenario.platform.services.marketAccess {
                    let rate = commission * (1 - (policy?.commissionShare(i, f) ?? 0))
                    lists = !behavioural || Adoption.onlineChannel(i, f, onlineWeight: onlineWeight * gain, outlook: outlook,
                                                                   scenario: scenario, noise: 0, commission: rate).worthIt
                }
                f.listed[i] = lists ? 1 : 0
                if lists { sums.online += onlineWeight * gain }
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
        /// The network's price per order unit (nil: no network).
        var networkPrice: Double?
        var analyticsQuality: Double
        var season: Double
        var previousSeason: Double
        var trend: [Double]
        var sectorSeason: [Double]
        var meanCapacity: Double
    }

    static func passB(
        _ month: Month, scenario: Scenario, population: Population, policy: PolicyMonth?,
        streams: RandomStreams, executor: ChunkedExecutor
    ) -> TickMetrics {
        let economy = scenario.firms.economy
        let platform = scenario.platform
        let services = platform.services
        let innovation = scenario.innovation
        let learning = scenario.learning
        let ties = scenario.relationships
        let market = scenario.market
        let stream = streams.stream(.firmMonthB, tick: month.tick)
        let initiativeStream = streams.stream(.initiative, tick: month.tick)
        let alliances = scenario.alliances
        let orderStream = streams.stream(.allianceMatch, tick: month.tick)
        let provinceCount = scenario.firms.localities.count
        let distressLimit = economy.distressMonths
        let churnLimit = scenario.adoption.behavioural.churnMonths
        let traits = SectorTraits(scenario, season: month.sectorSeason)
        // Each market's demand per unit of weight: a firm's share is its
        // weight times this.
        let localPerWeight = zip(month.localDemand, month.localWeight).map { $1 > 0 ? $0 / $1 : 0 }
        let onlinePerWeight = month.onlineWeight > 0 ? month.onlineDemand / month.onlineWeight : 0
        // Reciprocals taken once: the per-firm loop multiplies instead of dividing.
        let perOnlineEuro = 1 / (1 + market.onlinePricePremium)
        let perOrderValue = 1 / market.orderValue
        let perEmployee = 1 / economy.revenuePerEmployee
        let seasonRatio = month.previousSeason / month.season
        let partnerFade = 1 / innovation.partnerMemoryMonths
        let competenceReach = pow(1 + innovation.costCut, market.reachElasticity)
        let tools = Tools(scenario, quality: month.analyticsQuality, policy: policy)
        let reachSteps = Trade.ReachSteps(economy: economy, meanCapacity: month.meanCapacity, elasticity: market.reachElasticity)
        // Innovation keeps a firm's block weights in a SIMD8 and the trend in
        // a SIMD4.
        precondition(BuildingBlock.allCases.count <= 8 && Attribute.allCases.count == 4 && month.trend.count == 4,
                     "Innovation.attempt assumes at most 8 building blocks and 4 attributes")
        let trendVector = SIMD4(month.trend[0], month.trend[1], month.trend[2], month.trend[3])

        let f = PopulationPointers(population)
        return executor.reduce(count: population.count, into: TickMetrics(), { range in
            var metrics = TickMetrics()
            var flows = FirmFlows()
            var searchers: [AllianceSystem.Searcher] = []
            var reintegrations: [CSVRecord] = []
            let histogram = DimensionHistogram()
            // Counts by size class kept in registers (a SIMD lane picked by
            // index would go through memory for every firm).
            var alive = SizeCounts(), exits = SizeCounts()
            for i in range where f.alive[i] == 1 {
                let isMember = f.member[i] == 1
                let served = month.onlineOpen && isMember
                let selling = served && f.listed[i] == 1
                let sector = Int(f.sector[i])
                let t = f.technology[i]
                let capacity = f.capacity[i]

                // Service use, decided on last month's revenue.
                let lastRevenue = f.revenueLocal[i] + f.revenueOnline[i]
                let use = tools.choose(i, f, served: served)
                // Public programmes as the firm qualifies for them at the
                // start of the month (before its size changes).
                var commissionShare = 0.0, cofunding = 0.0
                if let policy, policy.anyOpen {
                    commissionShare = selling ? policy.commissionShare(i, f) : 0
                    cofunding = policy.share(PolicyMonth.sustainability, i, f, member: isMember)
                }

                // Trade: shares of the province's demand and of the online
                // demand, in proportion to weight (pass A).
                let weight = f.demandWeight[i]
                let localShare = weight * Trade.localReach(capacity: capacity, lastOnline: f.revenueOnline[i], perOnlineEuro: perOnlineEuro)
                    * localPerWeight[Int(f.locality[i])]
                let onlineShare = selling
                    ? onlinePerWeight * weight * Trade.onlineFactor(technology: t, suitability: traits.online[sector], market: market) : 0
                let sold = Trade.serve(local: localShare, online: onlineShare, capacity: capacity,
                                       premium: market.onlinePricePremium, perOnlineEuro: perOnlineEuro)
                // Capacity (and staff) grows toward demand it cannot serve,
                // and shrinks while much of it stands idle.
                let wantedOutput = localShare + onlineShare * perOnlineEuro
                let (resized, reach) = Trade.resize(capacity: capacity, reach: f.reach[i], wanted: wantedOutput,
                                                    steps: reachSteps, economy: economy)
                if resized != capacity {
                    f.capacity[i] = resized
                    f.reach[i] = reach
                    f.employees[i] = UInt16(Swift.min(65_535, Swift.max(1, Int(resized * perEmployee + 0.5))))
                }

                // Costs.
                let variable = f.variableCost[i]
                let logistics = LogisticsChoice.choose(
                    localSales: sold.local, onlineSales: sold.online, orderValue: market.orderValue, perOrderValue: perOrderValue,
                    handling: traits.logistics[sector], price: served ? month.networkPrice : nil, economy: economy)
                var books = Finance.Month()
                books.revenueLocal = sold.local
                books.revenueOnline = sold.online
                books.production = variable * sold.output
                // Inventory management: used by a member when the waste it
                // avoids this month is worth more than its effort.
                let stock = Inventory.month(production: books.production, technology: t, circular: f.circular[i],
                                            sectorWaste: traits.waste[sector], offered: served && services.inventoryManagement,
                                            scenario: scenario)
                let inventory = stock.netSaving
                books.waste = stock.waste
                books.tools += inventory != nil ? platform.inventoryEffort : 0
                books.logistics = logistics.cost
                books.commission = platform.commission * sold.online
                books.fee = served ? platform.monthlyFee : 0
                books.effort = selling ? platform.memberEffort : 0
                books.fixed = Finance.fixedCosts(capacity: capacity, economy: economy)
                books.tools += use.cost
                // Public programmes pay part of the tools and of the
                // commission (claims, paid in firm order after the month).
                var commissionRate = platform.commission
                if let policy, policy.anyOpen {
                    books.tools += use.consultingSubsidy + use.trainingSubsidy
                    books.grants += policy.grant(PolicyMonth.voucher, i, use.consultingSubsidy)
                    books.grants += policy.grant(PolicyMonth.training, i, use.trainingSubsidy)
                    if commissionShare > 0 && sold.online > 0 {
                        let grant = policy.grant(PolicyMonth.commission, i, commissionShare * books.commission)
                        books.grants += grant
                        commissionRate -= grant / sold.online
                    }
                }

                // Business model innovation (paid this month). One draw gives
                // the month's two coins: whether an initiative starts, and
                // whether the firm looks for a partner.
                let coins = stream.uniformPair(i)
                var outcome = Innovation.Outcome()
                if coins.0 < Innovation.startRate(financial: f.financial[i], use: use, innovation: innovation)
                    && f.cash[i] >= innovation.cost * capacity {
                    var generator = initiativeStream.generator(for: i)
                    outcome = Innovation.attempt(i, f, use: use, trend: trendVector, capacity: capacity,
                                                 innovation: innovation, competenceReach: competenceReach, cofunding: cofunding,
                                                 generator: &generator)
                }
                books.innovation = outcome.cost
                if let policy, outcome.subsidy > 0 { books.grants += policy.grant(PolicyMonth.sustainability, i, outcome.subsidy) }

                // Cash, distress and exit.
                let profit = books.profit
                let payout = economy.payout * Swift.max(0, profit)
                let distress = Finance.settle(i, f, profit: profit, payout: payout)

                // Membership: members for whom the platform keeps losing
                // money leave.
                if isMember {
                    let value = served
                        ? Adoption.realisedValue(
                            online: selling ? sold.online : nil, variableCost: variable, perOnlineEuro: perOnlineEuro,
                            ownOnlineLogistics: economy.ownOnlineLogistics, handling: traits.logistics[sector],
                            books: books, logisticsSaving: logistics.saving, tools: use.platformValue,
                            inventory: inventory ?? 0, commission: commissionRate)
                        : -1
                    Adoption.countChurn(i, f, value: value, limit: churnLimit)
                }

                // Learning, relationships, partnering experience.
                f.technology[i] = Learning.technology(f.technology[i], use: use, learning: learning)
                let alliancesHeld = Int(f.allianceCount[i])
                let perCapacity = 1 / capacity
                f.relationship[i] = Relationships.update(
                    f.relationship[i], networking: f.networking[i],
                    localPerCapacity: sold.local * perCapacity, onlinePerCapacity: sold.online * perOnlineEuro * perCapacity,
                    alliances: alliancesHeld, use: use, ties: ties)
                Innovation.gainPartneringExperience(i, f, alliances: alliancesHeld, fade: partnerFade)

                // The financial index.
                Finance.updateIndex(i, f, books: books, profit: profit, previousRevenue: lastRevenue,
                                    seasonRatio: seasonRatio, growthKnown: month.tick > 1)
                f.revenueLocal[i] = sold.local
                f.revenueOnline[i] = sold.online

                // Metrics.
                flows.add(books: books, profit: profit, payout: payout, demandLocal: localShare, demandOnline: onlineShare,
                          perOrderValue: perOrderValue, networkUnits: logistics.networkUnits, networkPrice: month.networkPrice)
                metrics.addInitiative(outcome, allied: alliancesHeld > 0)
                if let policy, policy.anyOpen { metrics.addClaims(policy.claims(i)) }
                let employees = Int(f.employees[i])
                if distress >= distressLimit {
                    f.alive[i] = 0
                    f.member[i] = 0
                    metrics.exits &+= 1
                    exits.add(employees)
                    continue
                }
                metrics.alive &+= 1
                alive.add(employees)
                metrics.employees &+= employees
                metrics.cash += f.cash[i]
                metrics.cohortAlive &+= f.bornTick[i] == 0 ? 1 : 0
                if isMember {
                    metrics.members &+= 1
                    metrics.addOnlineRevenue(sold.online)
                }
                metrics.addToolUse(use, member: isMember)
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
            metrics.flows = flows
            metrics.aliveBySize = alive.vector
            metrics.exitsBySize = exits.vector
            metrics.searchers = searchers
            metrics.reintegrations = reintegrations
            metrics.dimensionHistogram = histogram.array
            return metrics
        }, TickMetrics.absorb)
    }
}

/// The tools a firm chooses this month (`ServiceUse`), from its state at
/// the start of the month: the same choice in both passes. A digital
/// voucher lowers the part of consultants' fees the firm pays, a training
/// programme that of training; the firm decides on its own part.
struct Tools: Sendable {
    let learning: LearningParameters
    let economy: FirmEconomy
    let analyticsOn: Bool, trainingOn: Bool
    let quality: Double
    let halfPerConsultingCost: Double
    let policy: PolicyMonth?

    init(_ scenario: Scenario, quality: Double, policy: PolicyMonth?) {
        learning = scenario.learning
        economy = scenario.firms.economy
        analyticsOn = scenario.platform.services.analytics
        trainingOn = scenario.platform.services.training
        self.quality = quality
        halfPerConsultingCost = ServiceUse.halfPerCost(scenario.learning.consulting.cost)
        self.policy = policy
    }

    /// Firm `i`'s choice this month (pass B, which uses all of it): a call,
    /// which keeps pass B's loop within what the optimiser inlines.
    @inline(never)
    func choose(_ i: Int, _ f: PopulationPointers, served: Bool) -> ServiceUse {
        decide(i, f, served: served)
    }

    /// The relative rise of attractiveness the same choice brings (all pass
    /// A needs of it): inlined, so the rest of the choice is not computed.
    @inline(always)
    func gain(_ i: Int, _ f: PopulationPointers, served: Bool) -> Double {
        decide(i, f, served: served).gain
    }

    @inline(always)
    private func decide(_ i: Int, _ f: PopulationPointers, served: Bool) -> ServiceUse {
        let stake = ServiceUse.stake(revenue: f.revenueLocal[i] + f.revenueOnline[i], variableCost: f.variableCost[i], economy: economy)
        var consulting = Subsidy.none, training = Subsidy.none
        if let policy, policy.anyOpen {
            consulting = policy.subsidy(PolicyMonth.voucher, i, f, member: f.member[i] == 1)
            if served && trainingOn { training = policy.subsidy(PolicyMonth.training, i, f, member: true) }
        }
        return served
            ? ServiceUse.choose(stake: stake, technology: f.technology[i], analyticsOn: analyticsOn,
                                trainingOn: trainingOn, quality: quality, learning: learning,
                                consulting: consulting, training: training)
            : ServiceUse.consultingOnly(stake: stake, technology: f.technology[i], learning: learning,
                                        halfPerCost: halfPerConsultingCost, subsidy: consulting)
    }
}

/// Counts of firms by size class (1–2, 3–9, 10 or more employees),
/// added without branches.
struct SizeCounts {
    var small = 0, medium = 0, large = 0

    @inline(__always)
    mutating func add(_ employees: Int) {
        small &+= employees <= 2 ? 1 : 0
        large &+= employees >= 10 ? 1 : 0
        medium &+= employees > 2 && employees < 10 ? 1 : 0
    }

    var vector: SIMD4<Int> { SIMD4(small, medium, large, 0) }
}

/// A unit-variance deviate from 64 random bits: the sum of the two 32-bit
/// halves as uniforms, centred and scaled (triangular on ±√6).
@inline(__always)
func triangular(_ bits: UInt64) -> Double {
    let high = Double(UInt32(truncatingIfNeeded: bits &>> 32)), low = Double(UInt32(truncatingIfNeeded: bits))
    return ((high + low) * 0x1.0p-32 - 1) * 2.449489742783178
}
