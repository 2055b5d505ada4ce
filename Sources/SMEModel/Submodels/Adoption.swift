import AgentEngine

extension RandomPurpose {
    static let adoption = RandomPurpose("adoption.join")
}

/// Platform adoption (ODD §7 "Adoption"; Bass 1969).
///
/// A non-member joins in a tick with probability `h = p + q·F`: p is the
/// external influence (the platform's marketing), q imitation, and F the
/// member share the firm sees at the end of the previous tick — over the
/// whole population in `bass` mode, among its own peers in `peers` mode.
/// With the whole population as peers and no other filter, the expected
/// member share follows the discrete Bass recursion
/// `F(t+1) = F(t) + (p + q·F(t))·(1 − F(t))`.
enum Adoption {
    /// Runs one tick of adoption and returns the number of firms that joined.
    static func step(
        tick: Int, parameters: AdoptionParameters, population: Population,
        network: PeerNetwork?, membersAtStart: Int,
        streams: RandomStreams, executor: ChunkedExecutor
    ) -> Int {
        let stream = streams.stream(.adoption, tick: tick)
        let p = parameters.p, q = parameters.q
        let member = population.member
        let n = population.count
        guard parameters.mode == .peers, let network else {
            // Bass: F is global, so each firm reads only its own flag and
            // the update can be made in place.
            // Branch-free: every firm draws, and `u < hazard` is evaluated as
            // `bits >> 11 < hazard · 2^53`, the same comparison in integers'
            // clothing, so a mixed population costs no mispredicted branches.
            let share = n > 0 ? Double(membersAtStart) / Double(n) : 0
            let scaledHazard = Swift.min(1, p + q * share) * 0x1.0p53
            return executor.reduce(count: n, 0, { range in
                let flags = member.base
                var joins = 0
                for i in range {
                    let draw = Double(Int64(bitPattern: stream.bits(i) &>> 11))
                    let joined: UInt8 = (flags[i] ^ 1) & (draw < scaledHazard ? 1 : 0)
                    flags[i] |= joined
                    joins &+= Int(joined)
                }
                return joins
            }, +)
        }
        let previous = population.memberPrevious
        return executor.reduce(count: n, 0, { range in
            let flags = member.base, seen = previous.base
            var joins = 0
            for i in range where flags[i] == 0 {
                let share = network.memberShare(of: i, flags: seen)
                if stream.uniform(i) < Swift.min(1, p + q * share) {
                    flags[i] = 1
                    joins &+= 1
                }
            }
            return joins
        }, +)
    }
}

extension Adoption {
    /// What a non-member sees of the platform at the end of the previous
    /// tick (read only while the platform is open).
    struct Outlook: Sendable {
        /// Hazard p + q·F before the filters, and p (the platform's
        /// marketing, with any public co-funding) for `peers` mode.
        var hazard: Double
        var p: Double
        /// Last month's online demand, and the online weight (attractiveness
        /// × reach × visibility) of the members who listed: a firm expects
        /// its share of the demand, its own weight among theirs.
        var onlineDemand: Double
        var listedWeight: Double
        /// The network's price per order (nil: no network).
        var networkPrice: Double?
        var analyticsQuality: Double
    }

    /// Whether non-member `i` joins this month: the Bass hazard (among its
    /// peers in `peers` mode) draws it, and in behavioural mode it must
    /// accept (`accepts`) at the onboarding cost it would pay and the
    /// commission rate it would face. Marks it as a member when it joins.
    @inline(__always)
    static func joins(_ i: Int, _ f: PopulationPointers, tick: Int, network: PeerNetwork?, draw: Double,
                      onlineWeight: Double, outlook: Outlook, scenario: Scenario, perception: EntityStream,
                      onboarding: Double, commission: Double) -> Bool {
        let adoption = scenario.adoption
        var h = outlook.hazard
        if adoption.mode == .peers, let network {
            h = Swift.min(1, outlook.p + adoption.q * network.memberShare(of: i, flags: f.memberPrevious))
        }
        guard draw < h else { return false }
        if adoption.mode == .behavioural {
            guard accepts(i, f, onlineWeight: onlineWeight, outlook: outlook, scenario: scenario,
                          noise: triangular(perception.bits(i)), onboarding: onboarding, commission: commission) else { return false }
        }
        f.member[i] = 1
        f.joinedTick[i] = Int32(tick)
        f.churnMonths[i] = 0
        return true
    }

    /// Behavioural filters on a firm that the Bass hazard has drawn: it joins
    /// only if it is ready (technology), passes curation (sustainability)
    /// and expects a positive net benefit (`expectedValue`).
    @inline(__always)
    static func accepts(_ i: Int, _ f: PopulationPointers, onlineWeight: Double, outlook: Outlook,
                        scenario: Scenario, noise: Double, onboarding: Double, commission: Double) -> Bool {
        let b = scenario.adoption.behavioural
        guard f.technology[i] >= b.readiness,
              f.sustainability[i] >= scenario.platform.curationMinSustainability else { return false }
        return expectedValue(i, f, onlineWeight: onlineWeight, outlook: outlook, scenario: scenario, noise: noise, commission: commission)
            > scenario.platform.monthlyFee + onboarding / b.paybackMonths
    }

    /// The monthly value a non-member expects from membership: for every
    /// service it would use, what it expects to gain net of that service's
    /// own cost, never below zero — so removing a service can lower the value
    /// but never raise it:
    /// - market access: the online channel's net margin, if it would list
    ///   (`onlineChannel`);
    /// - shared logistics: the saving per order on what it ships, against its
    ///   own delivery;
    /// - analytics and training: the net value of their best use (`ServiceUse`);
    /// - inventory management: the waste it would avoid;
    /// - matchmaking: the alliances it would form through the platform, at
    ///   their expected net value over the planned operation, weighted by
    ///   how much firms count on it.
    @inline(__always)
    static func expectedValue(_ i: Int, _ f: PopulationPointers, onlineWeight: Double, outlook: Outlook,
                              scenario: Scenario, noise: Double, commission: Double) -> Double {
        let platform = scenario.platform, market = scenario.market, economy = scenario.firms.economy
        let services = platform.services
        let sector = scenario.firms.sectors[Int(f.sector[i])]
        let t = f.technology[i], variable = f.variableCost[i], capacity = f.capacity[i]
        let localSales = f.revenueLocal[i]
        var value = 0.0
        let channel = onlineChannel(i, f, onlineWeight: onlineWeight, outlook: outlook, scenario: scenario, noise: noise,
                                    commission: commission)
        let online = channel.worthIt ? channel.revenue : 0
        value += channel.worthIt ? channel.net : 0
        if let price = outlook.networkPrice {
            value += LogisticsChoice.choose(localSales: localSales, onlineSales: online, orderValue: market.orderValue,
                                            perOrderValue: 1 / market.orderValue, handling: sector.logistics, price: price,
                                            economy: economy).saving
        }
        let stake = ServiceUse.stake(revenue: localSales + online, variableCost: variable, economy: economy)
        value += ServiceUse.choose(stake: stake, technology: t, analyticsOn: services.analytics,
                                   trainingOn: services.training, quality: outlook.analyticsQuality,
                                   learning: scenario.learning).platformValue
        if services.inventoryManagement {
            let production = variable * (localSales + online / (1 + market.onlinePricePremium))
            value += Inventory.month(production: production, technology: t, circular: f.circular[i],
                                     sectorWaste: sector.waste, offered: true, scenario: scenario).netSaving ?? 0
        }
        if scenario.alliances.enabled {
            value += Matchmaking.expectedValue(relationship: f.relationship[i], capacity: capacity, scenario: scenario)
        }
        return value
    }

    /// What the platform was worth to a member this month, as it sees it:
    /// the online channel's margin net of commission, own shipping and
    /// effort (`online` nil when it did not list), the logistics saving, the
    /// net value of the platform's tools and of inventory management, less
    /// the fee.
    @inline(__always)
    static func realisedValue(online: Double?, variableCost: Double, perOnlineEuro: Double, ownOnlineLogistics: Double,
                              handling: Double, books: Finance.Month, logisticsSaving: Double, tools: Double,
                              inventory: Double, commission: Double) -> Double {
        let channel = online.map { $0 * (1 - variableCost * perOnlineEuro - commission) - $0 * ownOnlineLogistics * handling - books.effort } ?? 0
        return channel + logisticsSaving + tools + inventory - books.fee
    }

    /// Counts the member's consecutive months of negative platform value
    /// (it leaves in pass A after `limit` of them).
    @inline(__always)
    static func countChurn(_ i: Int, _ f: PopulationPointers, value: Double, limit: Int) {
        let run = value < 0 ? Int(f.churnMonths[i]) + 1 : 0
        f.churnMonths[i] = UInt8(Swift.min(run, Swift.max(limit, 1), 255))
    }

    /// The online channel as a firm expects it: revenue (its share of last
    /// month's online demand, its weight among the listed members', with
    /// perception noise, within its spare capacity), and the margin on it
    /// less production
    /// cost, commission, own shipping and the effort of running the
    /// channel. A member lists online only while that is positive
    /// (`worthIt`): selling online is a choice, like every other service.
    /// `commission` is the rate the firm pays (lower under a commission
    /// subsidy).
    @inline(__always)
    static func onlineChannel(_ i: Int, _ f: PopulationPointers, onlineWeight: Double, outlook: Outlook,
                              scenario: Scenario, noise: Double, commission: Double) -> (revenue: Double, net: Double, worthIt: Bool) {
        let platform = scenario.platform, market = scenario.market
        guard platform.services.marketAccess else { return (0, 0, false) }
        let spare = Swift.max(0, f.capacity[i] - f.revenueLocal[i]) * (1 + market.onlinePricePremium)
        let share = onlineWeight > 0 ? onlineWeight / (outlook.listedWeight + onlineWeight) : 0
        let revenue = Swift.min(spare, Swift.max(0, outlook.onlineDemand * share
            * (1 + scenario.adoption.behavioural.perceptionNoise * noise)))
        let shipping = revenue * scenario.firms.economy.ownOnlineLogistics * scenario.firms.sectors[Int(f.sector[i])].logistics
        let net = revenue * (1 - f.variableCost[i] / (1 + market.onlinePricePremium) - commission)
            - shipping - platform.memberEffort
        return (revenue, net, net > 0)
    }
}
