import AgentEngine

/// The SME population as a struct of arrays: one column per state variable,
/// indexed by firm id 0..<count.
public final class Population: Sendable {
    public let count: Int
    /// Index into `FirmParameters.sectors`.
    public let sector: AgentColumn<UInt8>
    /// Index into `FirmParameters.localities`.
    public let locality: AgentColumn<UInt8>
    /// Employees, 1...maxEmployees.
    public let employees: AgentColumn<UInt16>
    /// 1 while the firm is a platform member, written during a tick.
    public let member: AgentColumn<UInt8>
    /// `member` as it was at the end of the previous tick; what firms read
    /// about each other, so the update is synchronous.
    public let memberPrevious: AgentColumn<UInt8>

    init(count: Int) {
        self.count = count
        sector = AgentColumn(count: count, repeating: 0)
        locality = AgentColumn(count: count, repeating: 0)
        employees = AgentColumn(count: count, repeating: 1)
        member = AgentColumn(count: count, repeating: 0)
        memberPrevious = AgentColumn(count: count, repeating: 0)
    }

    /// Firms whose `member` flag is set.
    public func memberCount(executor: ChunkedExecutor) -> Int {
        let member = self.member
        return executor.reduce(count: count, 0, { range in
            var total = 0
            for i in range { total &+= Int(member.base[i]) }
            return total
        }, +)
    }
}
