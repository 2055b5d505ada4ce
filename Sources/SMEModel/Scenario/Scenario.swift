import AgentEngine

/// Everything a run is made from: what the scenario file says, with every
/// value it leaves out taken from the defaults below.
///
/// The defaults are the embedded default scenario (`smesim run` with no
/// file) and are written out in full in `Simulations/default.json`.
public struct Scenario: Sendable, Equatable {
    /// Folder-safe name; the default output folder is `Results/<name>/`.
    public var name = "default"
    public var description = "Piedmont food & beverage SMEs and an ITsGOOD-like regional platform: behavioural adoption, trade, analytics, shared logistics, finance and business-model innovation, ten years in monthly ticks."
    /// Ticks (months) after the initial state.
    public var horizon = 120
    /// The horizons a scenario may have: every tick a key, an option or a
    /// sweep names is within it.
    public static let horizonLimit = 0...6_000
    /// Steps in ticks (output every K ticks, comparisons every K): 1 to the
    /// longest horizon.
    public static let tickStepLimit = 1...horizonLimit.upperBound
    public var replicates = 4
    /// Master seed; with the replicate index it keys every random stream.
    public var seed: UInt64 = 2016
    /// false runs the adoption core alone (no trade, finance, exits or
    /// innovation): the pure diffusion model of `bass` and `peers` modes.
    public var economy = true
    public var firms = FirmParameters()
    public var market = MarketParameters()
    public var platform = PlatformParameters()
    public var adoption = AdoptionParameters()
    public var learning = LearningParameters()
    public var relationships = RelationshipParameters()
    public var innovation = InnovationParameters()
    public var alliances = AllianceParameters()
    public var policy = PolicyParameters()

    public init() {}

    /// The embedded default scenario.
    public static let `default` = Scenario()

    /// Memory one run needs, roughly: the population's columns (about 350
    /// bytes a firm with the economy, 40 without, 64 more while a policy
    /// instrument granted to firms has a budget) and, in `peers` mode, the
    /// network (4 bytes a link plus indexes).
    public var estimatedBytesPerRun: Double {
        let n = Double(firms.count)
        var bytes = n * (economy ? 350 : 40)
        if economy && policy.anyFirmLeverOn { bytes += n * Double(16 * PolicyLever.firmLevers.count) }
        if adoption.mode == .peers { bytes += n * (Double(adoption.peers.degree) * 4 + 48) }
        return bytes + Self.processBytes
    }

    /// What the process needs besides its runs (the runtime, buffers),
    /// counted once in `estimatedBytesPerRun`.
    public static let processBytes = 32.0 * 1_048_576

    /// Agents stepped in the whole experiment: firms × ticks × replicates.
    public var agentSteps: Double {
        Double(firms.count) * Double(horizon) * Double(replicates)
    }
}

/// A named category of firms (a sub-sector, a province) and its share of
/// the population.
public typealias Category = NamedShare

/// The SME population.
public struct FirmParameters: Sendable, Equatable {
    public var count = 5_000
    /// Food & beverage sub-sectors, their shares of firms and their traits.
    public var sectors: [Sector] = Sector.defaults
    /// The eight provinces of Piedmont, shares proportional to resident
    /// population (ISTAT, 1 January 2023, rounded).
    public var localities: [Category] = [
        Category("torino", 0.5193),
        Category("cuneo", 0.1367),
        Category("alessandria", 0.0953),
        Category("novara", 0.0852),
        Category("asti", 0.0487),
        Category("biella", 0.0400),
        Category("vercelli", 0.0388),
        Category("verbano_cusio_ossola", 0.0360),
    ]
    public var size = SizeDistribution()
    public var economy = FirmEconomy()

    public init() {}
}

/// Employees per firm: log-normal, rounded, within 1...maxEmployees.
public struct SizeDistribution: Sendable, Equatable {
    public var medianEmployees = 3.0
    /// Standard deviation of log(employees).
    public var sigma = 1.0
    /// Upper bound (the EU SME ceiling is 249).
    public var maxEmployees = 249

    public init() {}
}

/// How the platform spreads through the population.
public struct AdoptionParameters: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable {
        /// The Bass hazard p + q·F (F over the whole population), accepted
        /// only when the firm expects a positive net benefit, is ready
        /// (technology) and passes the platform's curation; members leave
        /// after a run of negative platform margin.
        case behavioural
        /// Every non-member joins with probability p + q·F, F the member
        /// share of the whole population at the end of the previous tick.
        case bass
        /// As `bass`, but F is the member share among the firm's own peers.
        case peers
    }

    public var mode = Mode.behavioural
    /// External influence per month (the platform's own marketing).
    public var p = 0.0025
    /// Imitation per month.
    public var q = 0.032
    /// Members at tick 0 (ITsGOOD started with a dozen partner SMEs).
    public var initialMembers = 12
    public var peers = PeerNetworkParameters()
    public var behavioural = BehaviouralAdoption()

    public init() {}
}

/// Who a firm watches in `peers` mode.
public struct PeerNetworkParameters: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// `degree` random firms of the same sub-sector, anywhere.
        case sector
        /// `degree` random firms of the same province.
        case locality
        /// `degree` random firms of the same sub-sector and province.
        case sectorLocality = "sector_locality"
        /// Watts–Strogatz: a ring of firms ordered by province and sector,
        /// each linked to its `degree` nearest, each link rewired to a random
        /// firm with probability `rewiring`.
        case smallWorld = "small_world"
    }

    public var kind = Kind.smallWorld
    /// Peers per firm (fewer when the firm's group is smaller).
    public var degree = 10
    /// Small-world only: probability that a lattice link goes to a random firm.
    public var rewiring = 0.1

    public init() {}
}
